package io.ringside.core.kafka;

import java.util.List;
import java.util.Locale;

/**
 * Keeps the target of an audit event short. Kafka refuses a record over about 1 MB, and one such
 * record at the head of the spool held back every later event, so a target lists the first few
 * items and counts the rest, and any text is cut with a count of what was left out.
 */
public final class AuditTarget {

    /** About how many characters of items a list shows before it counts the rest. */
    public static final int LIST_CHARS = 200;
    /** The most characters of any one text field of an event (target, outcome). */
    public static final int FIELD_CHARS = 1024;

    private AuditTarget() {
    }

    /**
     * The items joined by {@code separator}, up to about {@value #LIST_CHARS} characters, then
     * {@code (+N more)}; an item that alone is too long is cut too.
     */
    public static String list(List<String> items, String separator) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String item : items) {
            if (shown > 0 && out.length() + item.length() > LIST_CHARS) {
                break;
            }
            if (shown > 0) {
                out.append(separator);
            }
            out.append(cut(item, LIST_CHARS));
            shown++;
        }
        if (shown < items.size()) {
            out.append(" (+").append(items.size() - shown).append(" more)");
        }
        return out.toString();
    }

    /** {@code text} itself when short, else its start and how many characters were left out. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String omitted = String.format(Locale.ROOT, "... (+%,d characters)", text.length() - max);
        return text.substring(0, max) + omitted;
    }
}
