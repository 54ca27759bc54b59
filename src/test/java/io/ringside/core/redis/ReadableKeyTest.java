package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.pm25.Pm25Cache;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableKeyTest {

    private static final String HYDERABAD = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    @Test
    void aPm25KeyReadsAsNamespaceLocationAndYearAndKeepsItsRawKey() {
        String key = Pm25Cache.key(HYDERABAD, 2025);
        ReadableKey readable = ReadableKey.of(key.getBytes(StandardCharsets.UTF_8));

        assertEquals("pm25 · " + HYDERABAD + " · 2025", readable.text());
        assertEquals(key, readable.raw());
        assertTrue(readable.raw().startsWith("pm25:Hyderabad+US+Consulate%2C+India+%28%E0%A4"), readable.raw());
        assertEquals(ReadableKey.Kind.PM25, readable.kind());
        assertEquals(new Pm25Cache.Key(HYDERABAD, 2025), readable.pm25().orElseThrow());
        assertEquals("pm25 · a:b c · 2014", ReadableKey.of(Pm25Cache.key("a:b c", 2014)).text(), "a ':' in a location");
        assertEquals("pm25 · Dongsi · 2014 (pm25:Dongsi:2014)", ReadableKey.of("pm25:Dongsi:2014").describe());
        assertEquals("session:1", ReadableKey.of("session:1").describe());
    }

    @Test
    void datasetKeysReadAsNameVersionAndChunk() {
        assertEquals("dataset · mnist-train · v3 · chunk 12",
                ReadableKey.of(DatasetChunkCache.chunkKey("mnist-train", 3, 12)).text());
        assertEquals(new DatasetChunkCache.Key("mnist-train", 3, 12),
                ReadableKey.of(DatasetChunkCache.chunkKey("mnist-train", 3, 12)).dataset().orElseThrow());
        ReadableKey meta = ReadableKey.of(DatasetChunkCache.metaKey("mnist-train", 3));
        assertEquals("dataset · mnist-train · v3 · manifest", meta.text());
        assertEquals(ReadableKey.Kind.DATASET_META, meta.kind());
    }

    @Test
    void aLeaseReadsAsTheKeyItGuards() {
        ReadableKey lease = ReadableKey.of("ringside:lease:" + Pm25Cache.key("Dongsi", 2014));
        assertEquals("lease · pm25 · Dongsi · 2014", lease.text());
        assertEquals(ReadableKey.Kind.LEASE, lease.kind());
        assertEquals("lease · other:key", ReadableKey.of("ringside:lease:other:key").text());
    }

    @Test
    void keysOfNoRingsideNamespaceOrNotAsRingsideWritesThemStayAsTheyAre() {
        for (String key : List.of("session:42", "pm25:Dongsi", "pm25:Dongsi:20x4", "pm25:Dongsi:02014", "pm25:a b:2014",
                "pm25:%E0%A4:2014", "pm25:%zz:2014", "pm25::2014", "dataset:mnist:0:chunk:1", "dataset:mnist:1:chunk:x",
                "dataset:bad name:1:meta", "ringside:lease:", "plain")) {
            ReadableKey readable = ReadableKey.of(key);
            assertFalse(readable.readable(), key);
            assertEquals(key, readable.text(), key);
            assertEquals(ReadableKey.Kind.OTHER, readable.kind(), key);
        }
        byte[] binary = {'p', 'm', '2', '5', ':', 0, ':', '1'};
        assertEquals("pm25:\\x00:1", ReadableKey.of(binary).text(), "binary keys read escaped");
    }

    @Test
    void namespacesOfTheTreeAreLabelledReadably() {
        String location = Pm25Cache.key(HYDERABAD, 2025);
        String prefix = location.substring(0, location.lastIndexOf(':'));
        assertEquals(HYDERABAD, ReadableKey.namespaceLabel(prefix));
        assertEquals("pm25", ReadableKey.namespaceLabel("pm25"));
        assertEquals("v3", ReadableKey.namespaceLabel("dataset:mnist:3"));
        assertEquals("chunk", ReadableKey.namespaceLabel("dataset:mnist:3:chunk"));
        assertEquals("lease", ReadableKey.namespaceLabel("ringside:lease"));
        assertEquals(HYDERABAD, ReadableKey.namespaceLabel("ringside:lease:" + prefix));
        assertEquals("a%zz", ReadableKey.namespaceLabel("pm25:a%zz"), "not as Ringside writes it: as it is");
        assertEquals("\\xff", ReadableKey.namespaceLabel("user:\\xff"));
    }

    @Test
    void theCliLineWithNamesKeepsFiveFieldsWhateverTheLocationHolds() {
        String key = Pm25Cache.key("a\tb\\c", 2014);
        KeyInfo info = new KeyInfo(key.getBytes(StandardCharsets.UTF_8), "string", -1, 12);
        assertEquals(key + "\tstring\t-1\t12\tpm25 · a\\tb\\\\c · 2014", info.tsvWithName());
        KeyInfo binary = new KeyInfo(new byte[] {'k', 0}, "string", 5, 1);
        assertEquals("k\\x00\tstring\t5\t1\tk\\x00", binary.tsvWithName());
    }
}
