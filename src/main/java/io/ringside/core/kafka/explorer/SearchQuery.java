package io.ringside.core.kafka.explorer;

/**
 * A search over one partition (or all when {@code partition} is null) between two positions
 * ({@code to} is inclusive for an offset, exclusive for a time; the end is the end when the
 * search started, so a busy topic never keeps it running). The first {@code keep} matches are
 * kept; with {@code stopWhenFull} the search ends there, otherwise it goes on counting.
 */
public record SearchQuery(String topic, Integer partition, Position from, Position to, MessageFilter filter, int keep,
                          boolean stopWhenFull, int previewBytes) {

    public static final int DEFAULT_KEEP = 1_000;

    public SearchQuery {
        if (keep < 1) {
            throw new IllegalArgumentException("Keep at least one match, asked " + keep);
        }
    }

    /** The whole topic as it is now, keeping the first {@value #DEFAULT_KEEP} matches. */
    public static SearchQuery whole(String topic, MessageFilter filter) {
        return new SearchQuery(topic, null, Position.beginning(), Position.end(), filter, DEFAULT_KEEP, false,
                MessageQuery.DEFAULT_PREVIEW);
    }
}
