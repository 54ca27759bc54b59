package io.ringside.core.kafka.explorer;

/**
 * A value as the detail pane shows it: the format it was read as, a one-line summary for the
 * table and the full text (pretty JSON, the text itself, or a hex dump).
 */
public record DecodedValue(Format format, String summary, String text) {

    public enum Format {
        EMPTY("empty"), JOB_PROGRESS("job progress"), AUDIT("audit event"), CACHE_STATS("cache stats"),
        JSON("JSON"), TEXT("text"), HEX("hex");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
