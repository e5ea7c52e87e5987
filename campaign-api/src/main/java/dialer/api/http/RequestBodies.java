package dialer.api.http;

import java.util.List;

import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;

/** Checks shared by every resource that reads a JSON body. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The body, or a 422 saying that one is required (an empty body reads as null). */
    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "a JSON object is required")));
        }
        return body;
    }
}
