package dialer.api.dnc;

/**
 * The body of {@code POST /api/v1/dnc}.
 *
 * @param number     a number ({@code +74951234567}, or {@code 8 495 123-45-67} with a region) or a prefix ({@code +7495*})
 * @param campaignId the campaign it applies to; absent for every campaign
 * @param region     the region of a number written without a country code ({@code RU})
 */
public record NewDncEntryRequest(String number, Long campaignId, String region) {
}
