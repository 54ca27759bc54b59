package io.ringside.core.redis;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The fields of one INFO answer, and when it was taken: the input of every server-side figure. */
public record InfoSnapshot(Instant at, Map<String, String> fields) {

    public InfoSnapshot {
        fields = Map.copyOf(fields);
    }

    /** Parses INFO's {@code name:value} lines (sections and comments skipped). */
    public static InfoSnapshot parse(Instant at, String info) {
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return new InfoSnapshot(at, fields);
    }

    public String text(String field) {
        return fields.getOrDefault(field, "");
    }

    /** A numeric field, {@code 0} when absent or not a number. */
    public long number(String field) {
        try {
            return Long.parseLong(fields.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
