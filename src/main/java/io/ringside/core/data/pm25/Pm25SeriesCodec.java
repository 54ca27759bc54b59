package io.ringside.core.data.pm25;

import io.ringside.core.data.cache.ValueCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A location-year of the daily series as binary columns (~12 KB a year): a version byte, the day
 * count, then all epoch days, all averages, minima, maxima and sample counts, little-endian. A
 * cache hit must cost little more than the GET of its bytes: parsing the same year as JSON took
 * three times as long as fetching it, and even row-by-row binary decoding added half again; bulk
 * copies of columns into primitive arrays do not. The location is not stored: it is in the key.
 */
public final class Pm25SeriesCodec implements ValueCodec<List<DailyPm25>> {

    private static final byte FORMAT_VERSION = 2;
    private static final int HEADER_BYTES = 1 + 4;
    private static final int ROW_BYTES = 4 + 8 + 8 + 8 + 4;

    private final String location;

    public Pm25SeriesCodec(String location) {
        this.location = location;
    }

    @Override
    public byte[] encode(List<DailyPm25> days) {
        Pm25Series series = days instanceof Pm25Series s ? s : Pm25Series.of(location, days);
        int n = series.size();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + n * ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(FORMAT_VERSION).putInt(n);
        buffer.asIntBuffer().put(series.epochDays());
        buffer.position(buffer.position() + 4 * n);
        buffer.asDoubleBuffer().put(series.avgColumn());
        buffer.position(buffer.position() + 8 * n);
        buffer.asDoubleBuffer().put(series.minColumn());
        buffer.position(buffer.position() + 8 * n);
        buffer.asDoubleBuffer().put(series.maxColumn());
        buffer.position(buffer.position() + 8 * n);
        buffer.asIntBuffer().put(series.samplesColumn());
        return buffer.array();
    }

    @Override
    public Pm25Series decode(byte[] bytes, int offset, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.remaining() < HEADER_BYTES) {
            throw new IllegalArgumentException("Corrupt PM2.5 series: " + length + " bytes");
        }
        byte version = buffer.get();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("Unknown PM2.5 series encoding version " + version);
        }
        int n = buffer.getInt();
        if (n < 0 || n * (long) ROW_BYTES != buffer.remaining()) {
            throw new IllegalArgumentException("Corrupt PM2.5 series: " + n + " rows in " + buffer.remaining() + " bytes");
        }
        int[] epochDays = new int[n];
        double[] avg = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        int[] samples = new int[n];
        buffer.asIntBuffer().get(epochDays);
        buffer.position(buffer.position() + 4 * n);
        buffer.asDoubleBuffer().get(avg);
        buffer.position(buffer.position() + 8 * n);
        buffer.asDoubleBuffer().get(min);
        buffer.position(buffer.position() + 8 * n);
        buffer.asDoubleBuffer().get(max);
        buffer.position(buffer.position() + 8 * n);
        buffer.asIntBuffer().get(samples);
        return new Pm25Series(location, epochDays, avg, min, max, samples);
    }
}
