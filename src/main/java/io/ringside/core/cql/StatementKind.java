package io.ringside.core.cql;

/** What a statement does, from harmless to the kind that needs the object's name typed to run. */
public enum StatementKind {
    /** SELECT, DESCRIBE, LIST, USE: changes nothing on the cluster. */
    READ,
    /** INSERT, UPDATE, a DELETE of rows named by their whole primary key, a batch of those. */
    WRITE,
    /** CREATE, ALTER (without DROP), GRANT, REVOKE, and any statement not known to be one of the others. */
    SCHEMA,
    /** DROP, TRUNCATE, ALTER ... DROP, a DELETE without the whole primary key (or of a table not known). */
    DESTRUCTIVE;

    public boolean read() {
        return this == READ;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
