package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reply as the lines {@code redis-cli} would print for it, each with the RESP type it shows so
 * the console can style it (errors red): {@code "text"} strings with binary bytes escaped
 * ({@code \xNN}), {@code (integer) 1}, {@code (double) 1.5}, {@code (true)}, {@code (nil)},
 * {@code 1) ...} for arrays, {@code 1~ ...} for sets, {@code 1# key => value} for maps, nested
 * elements indented under their number.
 */
public final class ReplyLines {

    /** What a line shows, for its style. */
    public enum Kind { STRING, STATUS, VERBATIM, ERROR, NUMBER, BOOLEAN, NULL, EMPTY }

    public record Line(String text, Kind kind) {
    }

    private ReplyLines() {
    }

    public static List<Line> of(RespReply reply) {
        List<Line> lines = new ArrayList<>();
        render(reply, "", "", lines);
        return lines;
    }

    /** All the lines as one text, as {@code redis-cli} prints them. */
    public static String text(RespReply reply) {
        return String.join("\n", of(reply).stream().map(Line::text).toList());
    }

    /** The quoted, escaped form of a string reply: what binary data looks like on screen. */
    public static String quoted(byte[] bytes) {
        return "\"" + KeyText.escape(bytes).replace("\"", "\\\"") + "\"";
    }

    /**
     * @param first  what goes before the first line (the element number of an enclosing aggregate)
     * @param indent what goes before every further line
     */
    private static void render(RespReply reply, String first, String indent, List<Line> out) {
        if (reply instanceof RespReply.Simple s) {
            out.add(new Line(first + s.text(), Kind.STATUS));
        } else if (reply instanceof RespReply.Bulk b) {
            out.add(new Line(first + quoted(b.bytes()), Kind.STRING));
        } else if (reply instanceof RespReply.Verbatim v) {
            String[] lines = v.text().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i == lines.length - 1 && lines[i].isEmpty() && i > 0) {
                    break;
                }
                out.add(new Line((i == 0 ? first : indent) + lines[i], Kind.VERBATIM));
            }
        } else if (reply instanceof RespReply.Error e) {
            out.add(new Line(first + "(error) " + e.message(), Kind.ERROR));
        } else if (reply instanceof RespReply.Integer i) {
            out.add(new Line(first + "(integer) " + i.value(), Kind.NUMBER));
        } else if (reply instanceof RespReply.Double d) {
            out.add(new Line(first + "(double) " + number(d.value()), Kind.NUMBER));
        } else if (reply instanceof RespReply.BigNumber n) {
            out.add(new Line(first + "(big number) " + n.value(), Kind.NUMBER));
        } else if (reply instanceof RespReply.Boolean b) {
            out.add(new Line(first + "(" + b.value() + ")", Kind.BOOLEAN));
        } else if (reply instanceof RespReply.Null n) {
            out.add(new Line(first + "(nil)", Kind.NULL));
        } else if (reply instanceof RespReply.Array a) {
            if (a.items().isEmpty()) {
                out.add(new Line(first + (a.kind() == RespReply.Array.Kind.SET ? "(empty set)" : "(empty array)"),
                        Kind.EMPTY));
                return;
            }
            String mark = a.kind() == RespReply.Array.Kind.SET ? "~ " : ") ";
            int width = Integer.toString(a.items().size()).length();
            for (int i = 0; i < a.items().size(); i++) {
                String number = pad(Integer.toString(i + 1), width) + mark;
                String lead = (i == 0 ? first : indent) + number;
                render(a.items().get(i), lead, indent + " ".repeat(number.length()), out);
            }
        } else if (reply instanceof RespReply.Map m) {
            if (m.entries().isEmpty()) {
                out.add(new Line(first + "(empty hash)", Kind.EMPTY));
                return;
            }
            int width = Integer.toString(m.entries().size()).length();
            for (int i = 0; i < m.entries().size(); i++) {
                RespReply.Entry entry = m.entries().get(i);
                String number = pad(Integer.toString(i + 1), width) + "# ";
                String lead = (i == 0 ? first : indent) + number;
                List<Line> key = new ArrayList<>();
                render(entry.key(), "", "", key);
                String keyText = String.join(" ", key.stream().map(Line::text).toList());
                String prefix = lead + keyText + " => ";
                render(entry.value(), prefix, " ".repeat(prefix.length()), out);
            }
        }
    }

    private static String pad(String number, int width) {
        return " ".repeat(width - number.length()) + number;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !java.lang.Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return java.lang.Double.toString(value);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
