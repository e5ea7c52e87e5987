package dialer.validation;

/**
 * What is wrong with one field of a request.
 *
 * @param field   the field's name as the client sent it, with an index for list items ({@code roles[1]})
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {
}
