package dialer.contact.intake;

import java.time.ZoneId;

/**
 * The campaign contacts go into, with what their numbers and time zones are read against.
 *
 * @param campaignId       the campaign
 * @param defaultRegion    region of numbers written without a country code
 * @param fallbackTimeZone zone of a contact whose number spans several zones and who has no explicit one
 */
public record IntakeTarget(long campaignId, String defaultRegion, ZoneId fallbackTimeZone) {
}
