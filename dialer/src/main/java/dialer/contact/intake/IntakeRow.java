package dialer.contact.intake;

import java.util.List;

/**
 * One contact on its way in, normalised, or the reason it is refused before the database sees it.
 * Fields are null when absent. {@code customJson} and {@code fieldsJson} are JSON texts: the extra
 * columns as an object, and the row as it was read, as an array.
 */
public record IntakeRow(long line, String phone, List<String> altPhones, String timeZone, String firstName,
        String lastName, String externalId, Integer priority, String customJson, String fieldsJson,
        RejectReason reject, String detail) {

    public static IntakeRow rejected(long line, String fieldsJson, RejectReason reason, String detail) {
        return new IntakeRow(line, null, List.of(), null, null, null, null, null, "{}", fieldsJson, reason, detail);
    }
}
