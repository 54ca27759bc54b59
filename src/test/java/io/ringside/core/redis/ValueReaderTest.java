package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.NotFoundException;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CacheMetrics;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.cache.FreshPending;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.LoadResult;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The value viewer's reader against the test stack: gzip chunks, JSON, hex, the size guard, paging. */
@ExtendWith(SharedStack.class)
class ValueReaderTest {

    private static final int SIZE = 600;

    @TempDir
    Path dir;

    @Test
    void aCachedDatasetChunkShowsItsInflatedSizeAndManifestEntry(TestStack stack) throws Exception {
        byte[] raw = new byte[300_000];
        new Random(7).nextBytes(raw);
        for (int i = 0; i < raw.length; i += 3) {
            raw[i] = 'a';
        }
        Path file = Files.write(dir.resolve("chunk-source.bin"), raw);
        String name = "viewer-" + Long.toString(System.nanoTime(), 36);
        try (Backends backends = stack.backends(); Jedis plain = stack.redis()) {
            DatasetStore store = new DatasetStore(backends.cql());
            LoadResult loaded = store.load(name, file, DatasetKind.BINARY, p -> { });
            int version = loaded.version();
            byte[] gz = store.readChunk(name, version, 0);
            String key = DatasetChunkCache.chunkKey(name, version, 0);
            plain.set(key.getBytes(StandardCharsets.UTF_8), gz);
            try {
                ValueView view = ValueReader.withDatasets(backends.redis(), store)
                        .read(key.getBytes(StandardCharsets.UTF_8), null, 100, false);
                assertEquals("string", view.type());
                assertEquals(gz.length, view.size());
                ValueView.StringValue value = view.string();
                assertEquals(ValueView.Encoding.GZIP, value.encoding());
                assertEquals(raw.length, value.inflatedBytes());
                assertEquals(gz.length, value.storedBytes());
                assertTrue(value.truncated());
                assertTrue(value.note().contains(name + " version " + version) && value.note().contains("chunk 0 of 1"),
                        value.note());
            } finally {
                plain.del(key);
                store.delete(name, null);
            }
        }
    }

    @Test
    void aPm25YearCachedByTheCacheAsideShowsTheDaysCassandraHas(TestStack stack) {
        String location = "Hyderabad US Consulate, India (हैदराबाद) " + UUID.randomUUID();
        List<DailyPm25> written = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
            written.add(new DailyPm25(location, day, 20 + day.getDayOfYear() % 50, 5, 120.5, day.getDayOfMonth() == 1 ? null : 24));
        }
        String key = Pm25Cache.key(location, 2025);
        try (Backends backends = stack.backends(); Jedis plain = stack.redis()) {
            Pm25Store store = new Pm25Store(backends.cql());
            store.writeDays(written);
            try {
                Pm25Cache pm25 = new Pm25Cache(new CacheAside(backends.redis(), new CacheMetrics(), FreshPending.folder()),
                        store::readYear);
                assertEquals(CacheOutcome.MISS, pm25.year(location, 2025).outcome(), "the read fills the cache");

                ValueView view = new ValueReader(backends.redis()).read(key.getBytes(StandardCharsets.UTF_8), null, 10, false);

                ValueView.StringValue value = view.string();
                assertEquals(ValueView.Encoding.PM25_SERIES, value.encoding());
                assertEquals(store.readYear(location, 2025), value.days());
                assertEquals(365, value.days().size());
                assertEquals(plain.strlen(key), value.storedBytes());
            } finally {
                plain.del(key);
                store.deleteDaily(location);
            }
        }
    }

    @Test
    void stringsAreShownAsPrettyJsonTextOrHexAndBigOnesOnlyOnRequest(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            ValueReader reader = new ValueReader(backends.redis());
            plain.set(fixture.key("json"), "{\"a\":1,\"b\":[true]}");
            plain.set(fixture.key("text"), "plain text");
            plain.set(fixture.key("bin").getBytes(), new byte[] {0, 1, (byte) 0xfe, 'A'});
            byte[] big = new byte[(int) ValueReader.SIZE_GUARD + 10];
            plain.set(fixture.key("big").getBytes(), big);

            ValueView.StringValue json = reader.read(fixture.key("json").getBytes(), null, 10, false).string();
            assertEquals(ValueView.Encoding.JSON, json.encoding());
            assertTrue(json.text().contains("\n") && json.text().contains("\"b\" : [ true ]"), json.text());
            assertEquals(ValueView.Encoding.TEXT, reader.read(fixture.key("text").getBytes(), null, 10, false).string().encoding());
            ValueView.StringValue hex = reader.read(fixture.key("bin").getBytes(), null, 10, false).string();
            assertEquals(ValueView.Encoding.HEX, hex.encoding());
            assertTrue(hex.text().startsWith("00000000  00 01 fe 41"), hex.text());

            ValueView guarded = reader.read(fixture.key("big").getBytes(), null, 10, false);
            assertTrue(guarded.guarded());
            assertEquals(big.length, guarded.size());
            assertEquals(ValueView.Encoding.HEX, guarded.string().encoding(), "only the beginning fetched and shown");
            assertTrue(guarded.string().truncated());
            assertEquals(big.length, guarded.string().storedBytes());
            ValueView forced = reader.read(fixture.key("big").getBytes(), null, 10, true);
            assertEquals(big.length, forced.string().storedBytes());

            Path saved = dir.resolve("big.bin");
            assertEquals(big.length, reader.save(fixture.key("big").getBytes(), saved));
            assertArrayEquals(big, Files.readAllBytes(saved));
            assertThrows(NotFoundException.class, () -> reader.read(fixture.key("none").getBytes(), null, 10, false));
        }
    }

    @Test
    void bigCollectionsArePagedUntilTheLastPage(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            ValueReader reader = new ValueReader(backends.redis());
            // more than Redis keeps in its compact encodings (512), which HSCAN / SSCAN return whole
            redis.clients.jedis.Pipeline pipeline = plain.pipelined();
            for (int i = 0; i < SIZE; i++) {
                pipeline.rpush(fixture.key("list"), "e" + i);
                pipeline.hset(fixture.key("hash"), "f" + i, "v" + i);
                pipeline.sadd(fixture.key("set"), "m" + i);
                pipeline.zadd(fixture.key("zset"), i, "z" + i);
                pipeline.xadd(fixture.key("stream"), redis.clients.jedis.StreamEntryID.NEW_ENTRY, java.util.Map.of("n", "" + i));
            }
            pipeline.sync();
            for (String type : List.of("list", "hash", "set", "zset", "stream")) {
                Set<String> seen = new HashSet<>();
                int pages = 0;
                String page = null;
                do {
                    ValueView view = reader.read(fixture.key(type).getBytes(), page, 100, false);
                    assertEquals(type, view.type());
                    assertEquals(SIZE, view.size());
                    view.entries().forEach(e -> seen.add(e.name() + "=" + e.value()));
                    page = view.nextPage();
                    pages++;
                } while (page != null && pages < 100);
                assertEquals(SIZE, seen.size(), type + " entries");
                assertTrue(pages >= 2, type + " came in " + pages + " pages");
            }
            Path saved = dir.resolve("list.tsv");
            assertEquals(SIZE, reader.save(fixture.key("list").getBytes(), saved));
            Set<String> list = new HashSet<>(Files.readAllLines(saved));
            assertEquals(SIZE, list.size());
            assertTrue(list.contains((SIZE - 1) + "\te" + (SIZE - 1)));
        }
    }
}
