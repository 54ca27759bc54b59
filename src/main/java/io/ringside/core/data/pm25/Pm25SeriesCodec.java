package io.ringside.core.data.pm25;

import io.ringside.core.data.cache.ValueCodec;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A location-year of the daily series as fixed-width binary rows (epoch day, avg, min, max,
 * samples; 32 bytes a day, ~12 KB a year). A cache hit must cost little more than the GET of its
 * bytes: parsing the same year as JSON took three times as long as fetching it, which would eat
 * most of what the cache saves over Cassandra. The location is not stored: it is in the key.
 */
public final class Pm25SeriesCodec implements ValueCodec<List<DailyPm25>> {

    private static final byte FORMAT_VERSION = 1;
    private static final int ROW_BYTES = 4 + 8 + 8 + 8 + 4;

    private final String location;

    public Pm25SeriesCodec(String location) {
        this.location = location;
    }

    @Override
    public byte[] encode(List<DailyPm25> days) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + days.size() * ROW_BYTES);
        buffer.put(FORMAT_VERSION).putInt(days.size());
        for (DailyPm25 day : days) {
            buffer.putInt((int) day.date().toEpochDay())
                    .putDouble(day.avg())
                    .putDouble(day.min())
                    .putDouble(day.max())
                    .putInt(day.samples() == null ? -1 : day.samples());
        }
        return buffer.array();
    }

    @Override
    public List<DailyPm25> decode(byte[] bytes, int offset, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        byte version = buffer.get();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("Unknown PM2.5 series encoding version " + version);
        }
        int count = buffer.getInt();
        if (count < 0 || count * (long) ROW_BYTES != buffer.remaining()) {
            throw new IllegalArgumentException("Corrupt PM2.5 series: " + count + " rows in " + buffer.remaining() + " bytes");
        }
        List<DailyPm25> days = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.ofEpochDay(buffer.getInt());
            double avg = buffer.getDouble();
            double min = buffer.getDouble();
            double max = buffer.getDouble();
            int samples = buffer.getInt();
            days.add(new DailyPm25(location, date, avg, min, max, samples < 0 ? null : samples));
        }
        return days;
    }
}
