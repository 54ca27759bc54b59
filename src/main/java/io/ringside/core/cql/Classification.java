package io.ringside.core.cql;

/**
 * What a statement was found to do. {@code target} is the object it acts on as the statement
 * names it (unquoted, e.g. {@code aqdata.pm25}), null when it names none; for a destructive
 * statement it is what the operator must type to confirm. {@code reason} says in words why a
 * statement is destructive (null otherwise).
 */
public record Classification(StatementKind kind, String verb, String target, String reason) {

    public boolean destructive() {
        return kind == StatementKind.DESTRUCTIVE;
    }

    /** Whether {@code typed} is the confirmation this statement needs (any is enough when it needs none). */
    public boolean confirmedBy(String typed) {
        if (!destructive()) {
            return true;
        }
        return typed != null && target != null && typed.strip().equalsIgnoreCase(target);
    }

    /** The sentence an operator sees before a destructive statement runs. */
    public String confirmationPrompt() {
        return verb + " " + reason + ": type " + (target == null ? "the object's name" : "'" + target + "'")
                + " to confirm";
    }
}
