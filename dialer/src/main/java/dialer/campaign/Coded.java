package dialer.campaign;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant with a code: its name on the wire and in the database. */
interface Coded {
    String code();

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.code().equals(code)).findFirst();
    }

    /** Every code of {@code type}, for messages: {@code "preview, progressive, power, predictive"}. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
