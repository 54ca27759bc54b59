package io.ringside.core.redis;

/**
 * One key as the browser lists it.
 *
 * @param type  the Redis type name ({@code string}, {@code hash}, {@code list}, {@code set},
 *              {@code zset}, {@code stream}, ...)
 * @param ttlMs remaining time to live in milliseconds, {@code -1} for none
 * @param bytes {@code MEMORY USAGE} (sampled for big collections), {@code -1} if Redis did not say,
 *              {@link #SIZE_NOT_FETCHED} when the scan did not ask ({@link KeyDetail#TYPE_TTL})
 */
public record KeyInfo(byte[] key, String type, long ttlMs, long bytes) {

    public static final long SIZE_NOT_FETCHED = -2;

    public String displayKey() {
        return KeyText.escape(key);
    }

    /** The CLI's TSV line: {@code key<TAB>type<TAB>ttl_ms<TAB>bytes}. */
    public String tsv() {
        return displayKey() + '\t' + type + '\t' + ttlMs + '\t' + bytes;
    }

    /**
     * The TSV line with a fifth column, the key's readable name ({@link ReadableKey#text()}; the
     * escaped key again for keys of no Ringside namespace), its tabs, line breaks and backslashes
     * escaped like the key's, so the line stays one line of five fields.
     */
    public String tsvWithName() {
        ReadableKey readable = ReadableKey.of(key);
        StringBuilder out = new StringBuilder(tsv()).append('\t');
        if (!readable.readable()) {
            return out.append(readable.raw()).toString();
        }
        String name = readable.text();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
