package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CacheEnvelope;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25SeriesCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** How the value viewer decodes strings, without a server: the cache-aside's own entries first. */
class ValueDecodingTest {

    private static final String DONGSI = "Dongsi, Beijing (东四)";

    private static ValueView.StringValue decode(String key, byte[] value) {
        return ValueReader.decode(ReadableKey.of(key), value, value.length, "");
    }

    private static List<DailyPm25> year(String location, int days) {
        List<DailyPm25> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(new DailyPm25(location, LocalDate.of(2025, 1, 1).plusDays(i), 40 + i, 10 + i, 90 + i, i % 2 == 0 ? 24 : null));
        }
        return out;
    }

    @Test
    void aCachedPm25YearDecodesToItsDays() {
        List<DailyPm25> days = year(DONGSI, 31);
        byte[] stored = CacheEnvelope.present(new Pm25SeriesCodec(DONGSI).encode(days));

        ValueView.StringValue value = decode(Pm25Cache.key(DONGSI, 2025), stored);

        assertEquals(ValueView.Encoding.PM25_SERIES, value.encoding());
        assertEquals(days, value.days());
        assertEquals(stored.length, value.storedBytes());
        assertTrue(value.text().startsWith("date\tavg\tmin\tmax\tsamples\n2025-01-01\t40.0\t10.0\t90.0\t24\n2025-01-02\t41.0\t11.0\t91.0\t\n"),
                value.text());
    }

    @Test
    void aNegativeEntryOfEitherNamespaceSaysTheSourceHadNoRows() {
        for (String key : List.of(Pm25Cache.key(DONGSI, 1999), DatasetChunkCache.chunkKey("mnist", 1, 0))) {
            ValueView.StringValue value = decode(key, CacheEnvelope.absent());
            assertEquals(ValueView.Encoding.NO_ROWS, value.encoding(), key);
            assertTrue(value.text().contains("no rows"), value.text());
        }
    }

    @Test
    void aPm25EntryItsCodecCannotReadIsShownAsBytesWithTheReason() {
        byte[] stored = {1, 9, 0, 0, 0, 0};
        ValueView.StringValue value = decode(Pm25Cache.key(DONGSI, 2025), stored);
        assertEquals(ValueView.Encoding.HEX, value.encoding());
        assertTrue(value.note().contains("Unknown PM2.5 series encoding version 9"), value.note());
        assertEquals(ValueView.Encoding.TEXT, decode(Pm25Cache.key(DONGSI, 2025), "hello".getBytes(StandardCharsets.UTF_8))
                .encoding(), "not the cache-aside's envelope: decoded like any string");
    }

    @Test
    void aCachedDatasetChunkIsInflatedWithItsSize() throws IOException {
        byte[] raw = "label,pixels\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = CacheEnvelope.present(gzip(raw));

        ValueView.StringValue value = decode(DatasetChunkCache.chunkKey("mnist", 2, 5), stored);

        assertEquals(ValueView.Encoding.GZIP, value.encoding());
        assertEquals(raw.length, value.inflatedBytes());
        assertEquals(stored.length, value.storedBytes());
        assertTrue(value.truncated(), "the first 64 KiB of 260 KB shown");
        assertTrue(value.text().startsWith("label,pixels\nlabel,pixels\n"), value.text().substring(0, 40));
    }

    @Test
    void theBeginningOfALargeValueIsPreviewedAsFarAsItDecodes() throws IOException {
        byte[] raw = new byte[400_000];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) ('a' + (i * 7919 % 26));
        }
        byte[] stored = CacheEnvelope.present(gzip(raw));
        byte[] head = Arrays.copyOf(stored, stored.length / 3);

        ValueView.StringValue preview = ValueReader.decode(ReadableKey.of(DatasetChunkCache.chunkKey("big", 1, 0)), head,
                stored.length, "chunk 0 of 1");

        assertEquals(ValueView.Encoding.GZIP, preview.encoding());
        assertEquals(-1, preview.inflatedBytes(), "unknown from a beginning");
        assertEquals(stored.length, preview.storedBytes());
        assertTrue(preview.truncated());
        assertEquals("chunk 0 of 1", preview.note());
        assertTrue(preview.text().startsWith(new String(raw, 0, 100, StandardCharsets.US_ASCII)));

        byte[] text = "नमस्ते दुनिया ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        ValueView.StringValue cut = ValueReader.decode(ReadableKey.of("notes:1"), Arrays.copyOf(text, 1001), text.length, "");
        assertEquals(ValueView.Encoding.TEXT, cut.encoding(), "a cut inside a character is left out");
        assertTrue(cut.truncated());
    }

    @Test
    void otherStringsArePrettyJsonTextOrHex() throws IOException {
        ValueView.StringValue json = decode("app:config", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(ValueView.Encoding.JSON, json.encoding());
        assertTrue(json.text().contains("\"a\" : 1"), json.text());
        assertEquals(ValueView.Encoding.TEXT, decode("app:greeting", "hello".getBytes(StandardCharsets.UTF_8)).encoding());
        ValueView.StringValue gz = decode("app:gz", gzip("{\"b\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ValueView.Encoding.GZIP, gz.encoding());
        assertTrue(gz.text().contains("\"b\" : 2"), gz.text());
        ValueView.StringValue hex = decode("app:bin", new byte[] {1, 2, (byte) 0xfe});
        assertEquals(ValueView.Encoding.HEX, hex.encoding());
        assertFalse(hex.truncated());
        assertTrue(hex.text().startsWith("00000000  01 02 fe"), hex.text());
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
