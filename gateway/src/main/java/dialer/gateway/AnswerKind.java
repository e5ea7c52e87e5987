package dialer.gateway;

/** Who answered, as the gateway's answering-machine detection tells, some seconds after the answer. */
public enum AnswerKind {
    HUMAN,
    MACHINE,
    /** The detection ran and could not tell. */
    UNKNOWN
}
