package dialer.health;

/**
 * One thing the appliance depends on (the database, a trunk) that can be asked whether it works.
 * Implementations answer quickly and never throw: a failure is an unhealthy {@link Result}.
 */
public interface HealthCheck {

    /** A short stable name, used as the key in {@code /healthz}. */
    String name();

    /** Checks the dependency now. */
    Result check();

    /**
     * The answer of one check.
     *
     * @param healthy whether the dependency works
     * @param detail  what was checked or what went wrong, for an operator
     */
    record Result(boolean healthy, String detail) {
        public static Result healthy(String detail) {
            return new Result(true, detail);
        }

        public static Result unhealthy(String detail) {
            return new Result(false, detail);
        }
    }
}
