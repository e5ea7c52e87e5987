package dialer.api.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.contact.intake.PushResult;
import dialer.contact.intake.RejectReason;

/** What became of one pushed contact: {@code accepted} with its id, or {@code rejected} with a reason code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushResultView(int index, String externalId, String status, Long contactId, String reason, String detail) {
    static PushResultView of(PushResult result, String externalId) {
        return new PushResultView(result.index(), externalId, result.accepted() ? "accepted" : "rejected",
                result.contactId().orElse(null), result.reject().map(RejectReason::code).orElse(null),
                result.detail().orElse(null));
    }
}
