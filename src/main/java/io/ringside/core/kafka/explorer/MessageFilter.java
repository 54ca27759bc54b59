package io.ringside.core.kafka.explorer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A search condition on one record, tested on its raw bytes where it can be. Key and value are
 * views of the consumer's fetch response (no copy per record): read them, never keep them.
 */
public interface MessageFilter {

    boolean test(ConsumerRecord<ByteBuffer, ByteBuffer> record);

    /** What the filter looks for, for the audit-free summary lines of the CLI and the page. */
    String describe();

    static MessageFilter all() {
        return new Named("every message", record -> true);
    }

    /** Records whose key contains {@code text}. */
    static MessageFilter keyContains(String text) {
        Bytes needle = Bytes.finder(text.getBytes(StandardCharsets.UTF_8));
        return new Named("key contains '" + text + "'", record -> needle.in(record.key()));
    }

    /** Records whose value contains {@code text} as UTF-8 bytes. */
    static MessageFilter valueContains(String text) {
        Bytes needle = Bytes.finder(text.getBytes(StandardCharsets.UTF_8));
        return new Named("value contains '" + text + "'", record -> needle.in(record.value()));
    }

    /** Records whose value, read as UTF-8, has a match of {@code regex} somewhere. */
    static MessageFilter valueMatches(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Not a regular expression: " + e.getMessage(), e);
        }
        return new Named("value matches /" + regex + "/", record -> {
            ByteBuffer value = Bytes.onHeap(record.value());
            return value != null && pattern.matcher(new String(value.array(), Bytes.from(value), value.remaining(),
                    StandardCharsets.UTF_8)).find();
        });
    }

    /** Records with a header {@code name} whose value contains {@code text} (any value when null). */
    static MessageFilter header(String name, String text) {
        Bytes needle = text == null ? null : Bytes.finder(text.getBytes(StandardCharsets.UTF_8));
        return new Named("header " + name + (text == null ? "" : " contains '" + text + "'"), record -> {
            for (Header header : record.headers()) {
                if (header.key().equals(name) && (needle == null || needle.in(header.value()))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Records whose JSON value meets a condition such as {@code $.state == "failed"}. */
    static MessageFilter jsonPath(String condition) {
        return JsonPathCondition.parse(condition);
    }

    /** A filter from a plain test and its description. */
    record Named(String describe, java.util.function.Predicate<ConsumerRecord<ByteBuffer, ByteBuffer>> predicate)
            implements MessageFilter {
        @Override
        public boolean test(ConsumerRecord<ByteBuffer, ByteBuffer> record) {
            return predicate.test(record);
        }
    }
}
