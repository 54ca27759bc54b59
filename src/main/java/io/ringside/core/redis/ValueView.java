package io.ringside.core.redis;

import io.ringside.core.data.pm25.DailyPm25;
import java.util.List;

/**
 * What the value viewer shows for one key: a string's decoded text, or one page of a collection.
 *
 * @param size      bytes of a string (STRLEN), elements of a collection
 * @param guarded   the string is above the size guard and was not loaded (ask again with force)
 * @param string    the string value, {@code null} for collections and guarded strings
 * @param entries   one page of a collection (field/value, member/score, index/element, id/fields)
 * @param nextPage  token for the next page, {@code null} on the last page
 */
public record ValueView(byte[] key, String type, long size, boolean guarded, StringValue string,
                        List<Entry> entries, String nextPage) {

    public ValueView {
        entries = List.copyOf(entries);
    }

    /** One element of a collection, both sides escaped like keys so binary data stays readable. */
    public record Entry(String name, String value) {
    }

    /**
     * A decoded string value.
     *
     * @param encoding      how it was recognised
     * @param text          what to show: pretty JSON, text, or a hex dump (of the inflated bytes for gzip)
     * @param inflatedBytes size after gunzip, {@code -1} when not gzip
     * @param truncated     {@code text} shows only the beginning
     * @param note          e.g. the manifest entry of a dataset chunk; empty if none
     * @param days          the days of a cached PM2.5 series ({@link Encoding#PM25_SERIES}), else empty
     */
    public record StringValue(Encoding encoding, String text, long storedBytes, long inflatedBytes, boolean truncated,
                              String note, List<DailyPm25> days) {

        public StringValue {
            days = List.copyOf(days);
        }

        public StringValue(Encoding encoding, String text, long storedBytes, long inflatedBytes, boolean truncated,
                           String note) {
            this(encoding, text, storedBytes, inflatedBytes, truncated, note, List.of());
        }
    }

    /**
     * How a string was recognised. {@link #PM25_SERIES} and {@link #NO_ROWS} are entries of the
     * cache-aside's own namespaces: a cached location-year, and a negative entry (the source had no
     * rows when it was read).
     */
    public enum Encoding { PM25_SERIES, NO_ROWS, JSON, GZIP, TEXT, HEX }
}
