package dialer.apikey;

/**
 * A key just created, with its secret: the only moment the secret exists outside the client.
 *
 * @param key    the stored key
 * @param secret the bearer token to give to the client ({@code Authorization: Bearer <secret>})
 */
public record IssuedApiKey(ApiKey key, String secret) {
}
