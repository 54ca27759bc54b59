package io.ringside.ui.streams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value} lines typed in the produce and topic dialogs (headers, topic configs):
 * blank lines are skipped, a line without a key is refused by its number so the operator finds it.
 */
final class KeyValueLines {

    private KeyValueLines() {
    }

    /** In typed order; a key typed twice keeps its last value. */
    static Map<String, String> parse(String text, String what) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null) {
            return pairs;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " is not key=value: '" + line + "'");
            }
            pairs.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return pairs;
    }
}
