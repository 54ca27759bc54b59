package io.ringside.core.data.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields built from raw cells are byte for byte what the general path writes (the value
 * decoded, {@link ValueText#csv}, {@link RowWriter#appendField}, UTF-8), for every type with a
 * fast path, in the first position and after it.
 */
class CsvLineTest {

    private static final ProtocolVersion PROTOCOL = ProtocolVersion.DEFAULT;

    @Test
    void fastFieldsWriteWhatTheGeneralPathWrites() throws IOException {
        check(DataTypes.INT, Arrays.asList(0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, null));
        check(DataTypes.BIGINT, Arrays.asList(0L, -7L, Long.MAX_VALUE, Long.MIN_VALUE, null));
        check(DataTypes.DOUBLE, Arrays.asList(0.0, -0.0, 4.0, -3.5, 1.0E-4, 1.5E-4, 1000.0, 1.0E7, 123456.789,
                9_999_999.0, -9_999_999.0, 10_000_000.0, -10_000_000.0, 4.5E15, 1.0E-300, 300.0, -18.8, 1016.7, 0.1,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE,
                null));
        check(DataTypes.FLOAT, Arrays.asList(0.0f, -2.5f, 1.0E-4f, 3.4028235E38f, Float.NaN, null));
        check(DataTypes.TEXT, Arrays.asList("Aotizhongxin", "NNE", "", "N,E", "say \"hi\"", "back\\slash",
                "two words", "trailing ", " leading", "#hash", "!bang", "$dollar", "line\nbreak", "é-accent",
                "汉字", "~tilde", "tab\there", null));
        check(DataTypes.ASCII, Arrays.asList("plain", "a,b", "", null));
        check(DataTypes.BOOLEAN, Arrays.asList(true, false, null));
    }

    @Test
    void wholeAndRandomDoublesAsDoubleToString() {
        TypeCodec<Object> codec = CodecRegistry.DEFAULT.codecFor(DataTypes.DOUBLE);
        CsvLine.Field field = CsvLine.field(DataTypes.DOUBLE, codec, PROTOCOL);
        java.util.Random random = new java.util.Random(20);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextInt(20_000_001) - 10_000_000;
                case 1 -> Math.round(random.nextGaussian() * 1e4) / 10.0;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            CsvLine line = new CsvLine();
            field.append(line, codec.encode(value, PROTOCOL), true);
            String text = Double.toString(value);
            assertEquals(RowWriter.plain(text) ? text : "\"" + text + "\"", line.asString(), "value " + value);
        }
    }

    /**
     * The short-decimal path (one to three decimals) against {@code Double.toString}: every m/10^d
     * with |m| up to 50,000, the edges of its domain (10^-3, 2 * 10^7 scaled) and random m
     * across it, each also one ulp up and down (those take the general conversion).
     */
    @Test
    void shortDecimalsAsDoubleToString() {
        TypeCodec<Object> codec = CodecRegistry.DEFAULT.codecFor(DataTypes.DOUBLE);
        CsvLine.Field field = CsvLine.field(DataTypes.DOUBLE, codec, PROTOCOL);
        CsvLine line = new CsvLine();
        java.util.Random random = new java.util.Random(21);
        for (double scale : new double[] {10, 100, 1000}) {
            for (long m = -50_000; m <= 50_000; m++) {
                assertDoubleToString(field, codec, line, m / scale);
            }
            for (int i = 0; i < 5_000; i++) {
                long m = (long) (random.nextDouble() * 4.2e7) - 21_000_000L;
                double value = m / scale;
                assertDoubleToString(field, codec, line, value);
                assertDoubleToString(field, codec, line, Math.nextUp(value));
                assertDoubleToString(field, codec, line, Math.nextDown(value));
            }
            for (long edge : new long[] {19_999_999L, 20_000_000L, 20_000_001L, 1, 9, 11, 99, 101, 999, 1001}) {
                assertDoubleToString(field, codec, line, edge / scale);
                assertDoubleToString(field, codec, line, -edge / scale);
            }
        }
        for (double value : new double[] {9.0E-4, 0.001, 0.0011, 1999999.9, 2000000.1, 9999999.9, 0.30000000000000004}) {
            assertDoubleToString(field, codec, line, value);
        }
    }

    private static void assertDoubleToString(CsvLine.Field field, TypeCodec<Object> codec, CsvLine line, double value) {
        line.reset();
        field.append(line, codec.encode(value, PROTOCOL), true);
        String text = Double.toString(value);
        if (!text.equals(line.asString())) {
            assertEquals(RowWriter.plain(text) ? text : "\"" + text + "\"", line.asString(), "value " + value);
        }
    }

    private static void check(DataType type, List<Object> values) throws IOException {
        TypeCodec<Object> codec = CodecRegistry.DEFAULT.codecFor(type);
        CsvLine.Field field = CsvLine.field(type, codec, PROTOCOL);
        for (Object first : values) {
            for (Object second : values) {
                List<Object> record = new ArrayList<>(Arrays.asList(first, second, first));
                StringBuilder expected = new StringBuilder();
                CsvLine line = new CsvLine();
                for (int i = 0; i < record.size(); i++) {
                    RowWriter.appendField(expected, ValueText.csv(record.get(i)), i == 0);
                    ByteBuffer raw = record.get(i) == null ? null : codec.encode(record.get(i), PROTOCOL);
                    field.append(line, raw, i == 0);
                }
                expected.append('\n');
                line.end();
                assertEquals(expected.toString(), line.asString(), type + " record " + record);
            }
        }
    }
}
