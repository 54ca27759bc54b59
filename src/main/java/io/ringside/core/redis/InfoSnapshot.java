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

    /**
     * CPU seconds Redis's main thread has used (user + system): the thread that answers commands,
     * so its growth is what a client's commands cost the server. Servers before 7.0 report the
     * whole process only, which is used there.
     */
    public double mainThreadCpuSeconds() {
        return cpuSeconds("used_cpu_user") + cpuSeconds("used_cpu_sys");
    }

    private double cpuSeconds(String processField) {
        String value = fields.getOrDefault(processField + "_main_thread", fields.getOrDefault(processField, "0"));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
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
