package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One CSV line built as UTF-8 bytes straight from a row's raw cells. The columns of the common
 * types (integers, doubles, floats, text) are formatted from their bytes without decoding a value object
 * or passing through a character encoder; every other value, and any text that would need
 * quoting, is decoded by its codec and goes through {@link RowWriter#appendField}, so the bytes
 * are the same as that path writes for every value (see {@code CsvLineTest}).
 */
final class CsvLine {

    /** How one column's raw cell becomes a field; chosen once per column from its CQL type. */
    interface Field {
        void append(CsvLine line, ByteBuffer raw, boolean first);
    }

    private byte[] bytes = new byte[512];
    private int length;
    /** Numbers as text, and the fields that take the general path. */
    private final StringBuilder text = new StringBuilder(64);

    void reset() {
        length = 0;
    }

    void end() {
        put((byte) '\n');
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The line so far, for tests. */
    String asString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * The formatter of a column of {@code type}; {@code codec} and {@code protocol} decode what
     * takes the general path (a null, a value of another type, a text that needs quoting).
     */
    static Field field(DataType type, TypeCodec<Object> codec, ProtocolVersion protocol) {
        Field general = (line, raw, first) -> line.general(raw == null ? null : ValueText.csv(
                codec.decode(raw.duplicate(), protocol)), first);
        if (type.equals(DataTypes.INT)) {
            return fixed(4, general, (line, raw, at, first) -> line.number(line.text().append(raw.getInt(at)), first));
        }
        if (type.equals(DataTypes.BIGINT) || type.equals(DataTypes.COUNTER)) {
            return fixed(8, general, (line, raw, at, first) -> line.number(line.text().append(raw.getLong(at)), first));
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return fixed(8, general, (line, raw, at, first) -> line.decimal(raw.getDouble(at), first));
        }
        if (type.equals(DataTypes.FLOAT)) {
            return fixed(4, general, (line, raw, at, first) -> line.number(line.text().append(raw.getFloat(at)), first));
        }
        if (type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII)) {
            return (line, raw, first) -> {
                if (raw == null || !line.plainBytes(raw, first)) {
                    general.append(line, raw, first);
                }
            };
        }
        return general;
    }

    /** A number of {@code size} bytes at {@code at} of a cell. */
    private interface Number {
        void append(CsvLine line, ByteBuffer raw, int at, boolean first);
    }

    /** A fixed-size number; a null or a cell of another size takes the general path. */
    private static Field fixed(int size, Field general, Number number) {
        return (line, raw, first) -> {
            if (raw == null || raw.remaining() != size) {
                general.append(line, raw, first);
            } else {
                number.append(line, raw, raw.position(), first);
            }
        };
    }

    private StringBuilder text() {
        text.setLength(0);
        return text;
    }

    /**
     * A double as {@link Double#toString} writes it. A whole number below 10^7 (most measurements
     * of a sensor table) is written from its digits with {@code ".0"}, which is what
     * {@code Double.toString} writes for it, without the general conversion.
     */
    private void decimal(double value, boolean first) {
        long whole = (long) value;
        if (whole == value && whole > -10_000_000L && whole < 10_000_000L && (whole != 0 || 1 / value > 0)) {
            StringBuilder digits = text().append(whole);
            digits.append(".0");
            number(digits, first);
        } else {
            number(text().append(value), first);
        }
    }

    /** A number's text (ASCII): as it is when it cannot need quoting, else the general path. */
    private void number(StringBuilder digits, boolean first) {
        int n = digits.length();
        if (!RowWriter.plain(digits)) {
            general(digits.toString(), first);
            return;
        }
        ensure(n + 1);
        if (!first) {
            bytes[length++] = ',';
        }
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) digits.charAt(i);
        }
    }

    /**
     * Copies a text cell's UTF-8 bytes when they cannot need quoting (the rule of
     * {@link RowWriter#appendField}: printable ASCII without delimiter, quote or escape, the first
     * above {@code '#'}); false, having written nothing, otherwise.
     */
    private boolean plainBytes(ByteBuffer raw, boolean first) {
        int from = raw.position();
        int n = raw.remaining();
        if (n == 0 || raw.get(from) <= '#') {
            return false;
        }
        for (int i = from, end = from + n; i < end; i++) {
            byte b = raw.get(i);
            if (b <= ' ' || b > '~' || b == ',' || b == '"' || b == '\\') {
                return false;
            }
        }
        ensure(n + 1);
        if (!first) {
            bytes[length++] = ',';
        }
        raw.duplicate().get(bytes, length, n);
        length += n;
        return true;
    }

    /** A field by the general rule (Commons CSV's quoting), encoded as UTF-8. */
    private void general(String value, boolean first) {
        StringBuilder field = text();
        try {
            RowWriter.appendField(field, value, first);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        byte[] encoded = field.toString().getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    private void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            byte[] grown = new byte[Math.max(bytes.length * 2, length + more)];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
    }
}
