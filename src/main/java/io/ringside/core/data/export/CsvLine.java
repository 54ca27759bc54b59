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
     * of a sensor table) is written from its digits with {@code ".0"}, and a number of one to
     * three decimals ({@link #shortDecimal}) from its scaled digits, which is what
     * {@code Double.toString} writes for them, without its general conversion (the export's
     * largest single cost in a profile: 11 of the sensor table's 17 columns are doubles).
     */
    private void decimal(double value, boolean first) {
        long whole = (long) value;
        if (whole == value && whole > -10_000_000L && whole < 10_000_000L && (whole != 0 || 1 / value > 0)) {
            StringBuilder digits = text().append(whole);
            digits.append(".0");
            number(digits, first);
        } else if (!shortDecimal(value, first)) {
            number(text().append(value), first);
        }
    }

    private static final long[] TEN_TO = {1, 10, 100, 1000};

    /**
     * Writes {@code value} when it is the double nearest to {@code m / 10^d} for d of 1 to 3, m
     * not a multiple of 10 and |m| below 2 * 10^7 (so 0.001 <= |value| < 2 * 10^6, plain
     * notation): there {@code Double.toString} writes exactly the d decimals of m (checked
     * against it for every such m of every d on Java 17; outside, e.g. below 10^-3 or at 10^7,
     * it writes an exponent, and its digits are not always the shortest: those take the general
     * conversion). False, having written nothing, for any other value.
     */
    private boolean shortDecimal(double value, boolean first) {
        for (int d = 1; d < TEN_TO.length; d++) {
            double scale = TEN_TO[d];
            long m = Math.round(value * scale);
            if (m / scale == value) {
                if (m % 10 == 0 || m <= -20_000_000L || m >= 20_000_000L) {
                    return false;
                }
                long magnitude = Math.abs(m);
                StringBuilder digits = text();
                if (m < 0) {
                    digits.append('-');
                }
                digits.append(magnitude / TEN_TO[d]).append('.');
                long fraction = magnitude % TEN_TO[d];
                for (long at = TEN_TO[d] / 10; at > fraction && at > 1; at /= 10) {
                    digits.append('0');
                }
                digits.append(fraction);
                number(digits, first);
                return true;
            }
        }
        return false;
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
