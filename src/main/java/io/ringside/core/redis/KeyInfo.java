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
}
