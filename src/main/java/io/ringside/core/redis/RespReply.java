package io.ringside.core.redis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reply as the server sent it, RESP type and all (RESP3 when the server speaks it): the console
 * renders each type its own way, which the client library's plain Java values (a simple string
 * and a bulk string both {@code byte[]}, a set a list) cannot tell apart.
 */
public sealed interface RespReply {

    /** {@code +OK}. */
    record Simple(String text) implements RespReply {
    }

    /** {@code $}: any bytes, text or not. */
    record Bulk(byte[] bytes) implements RespReply {
        public String utf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** {@code =}: text with its format ({@code txt}, {@code mkd}). */
    record Verbatim(String format, String text) implements RespReply {
    }

    /** {@code -} and {@code !}: the server refused the command. */
    record Error(String message) implements RespReply {
    }

    record Integer(long value) implements RespReply {
    }

    record Double(double value) implements RespReply {
    }

    record Boolean(boolean value) implements RespReply {
    }

    record BigNumber(BigInteger value) implements RespReply {
    }

    /** {@code _}, and RESP2's null bulk string and null array. */
    record Null() implements RespReply {
    }

    /** {@code *}, {@code ~} (a set) and {@code >} (a push): ordered elements. */
    record Array(Kind kind, List<RespReply> items) implements RespReply {
        public enum Kind { ARRAY, SET, PUSH }

        public Array {
            items = List.copyOf(items);
        }
    }

    /** {@code %}: key-value pairs in the server's order. */
    record Map(List<Entry> entries) implements RespReply {
        public Map {
            entries = List.copyOf(entries);
        }
    }

    record Entry(RespReply key, RespReply value) {
    }

    /** The reply as text when it is a string of some kind (simple, bulk, verbatim), else null. */
    default String text() {
        if (this instanceof Simple s) {
            return s.text();
        }
        if (this instanceof Bulk b) {
            return b.utf8();
        }
        if (this instanceof Verbatim v) {
            return v.text();
        }
        return null;
    }
}
