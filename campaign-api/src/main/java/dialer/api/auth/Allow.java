package dialer.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dialer.apikey.Scope;
import dialer.user.Role;

/**
 * Who may call a resource method (or every method of a resource class): people holding one of
 * {@link #roles()}, and API keys holding one of {@link #scopes()}. Every route of the API carries this
 * or {@link Public}; the server refuses to start otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
    Role[] roles() default {};

    Scope[] scopes() default {};
}
