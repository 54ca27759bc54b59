package io.ringside.core.cassandra;

/**
 * One value of a row as the grid shows it. Text longer than {@link #TEXT_LIMIT} characters is cut
 * for the grid and kept whole for "show all"; a blob is never carried here, only its size when the
 * server can tell it without sending the bytes ({@code bytes} is -1 otherwise).
 */
public record Cell(Kind kind, String shown, String full, long bytes) {

    public static final int TEXT_LIMIT = 200;
    public static final Cell NULL = new Cell(Kind.NULL, "null", "null", -1);

    public enum Kind { NULL, VALUE, BLOB }

    public static Cell value(String text) {
        return text.length() <= TEXT_LIMIT
                ? new Cell(Kind.VALUE, text, text, -1)
                : new Cell(Kind.VALUE, text.substring(0, TEXT_LIMIT) + "…", text, -1);
    }

    static Cell blob(long bytes) {
        return new Cell(Kind.BLOB, bytes < 0 ? "blob" : ByteSizes.format(bytes), "", bytes);
    }

    /** A blob shown by its size and first bytes; the rest of its bytes are not kept. */
    public static Cell blob(BlobHead head) {
        return new Cell(Kind.BLOB, head.describe(), "", head.size());
    }

    public boolean truncated() {
        return kind == Kind.VALUE && shown.length() != full.length();
    }
}
