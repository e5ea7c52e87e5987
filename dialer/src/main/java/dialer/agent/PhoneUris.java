package dialer.agent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;

/**
 * The agents' phone addresses: a SIP URI, {@code sip:} or {@code sips:}, with an optional user part, a
 * host name or IPv4 address or bracketed IPv6 address, an optional port and optional parameters
 * ({@code sip:1001@10.0.0.5:5062;transport=tcp}). No headers ({@code ?}), no spaces.
 */
public final class PhoneUris {
    private static final int MAX_LENGTH = 255;
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern SIP_URI = Pattern.compile("(?i:sips?):(?:[A-Za-z0-9\\-_.!~*'()&=+$,;/%]+"
            + "(?::[^@\\s?]*)?@)?(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?"
            + "(?:;[A-Za-z0-9\\-_.!~*'()%\\[\\]/:&+$=]+)*");

    private PhoneUris() {
    }

    /**
     * @throws InvalidInputException naming {@code field} when {@code phoneUri} is not a SIP URI
     */
    public static String check(String field, String phoneUri) {
        String message = phoneUri == null || phoneUri.isBlank() ? "is required"
                : phoneUri.length() > MAX_LENGTH ? "must be at most " + MAX_LENGTH + " characters"
                : valid(phoneUri) ? null
                : "'" + phoneUri + "' is not a SIP URI like sip:1001@192.0.2.10 or sip:agent7@pbx.example.com:5060";
        if (message != null) {
            throw new InvalidInputException(List.of(new FieldError(field, message)));
        }
        return phoneUri;
    }

    private static boolean valid(String phoneUri) {
        Matcher matcher = SIP_URI.matcher(phoneUri);
        return matcher.matches() && (matcher.group(1) == null || Integer.parseInt(matcher.group(1)) <= 65535);
    }
}
