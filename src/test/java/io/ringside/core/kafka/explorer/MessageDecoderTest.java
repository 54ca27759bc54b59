package io.ringside.core.kafka.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.kafka.AuditEvent;
import io.ringside.core.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Decoders and search conditions on values alone: no broker needed. */
class MessageDecoderTest {

    @Test
    void ringsideTopicsAreShownAsWhatTheyAre() throws Exception {
        ProgressEvent progress = new ProgressEvent(UUID.fromString("12345678-aaaa-bbbb-cccc-1234567890ab"), 3,
                Instant.parse("2026-01-02T03:04:05Z"), JobKind.values()[0], List.of("a.csv"), "ana", JobState.RUNNING,
                "import", JobUnit.BYTES, 25, 100, 5.0, 15.0, 0, List.of(), null, null, "reading");
        DecodedValue job = MessageDecoder.decode(Topics.JOB_PROGRESS, Json.mapper().writeValueAsBytes(progress));
        assertEquals(DecodedValue.Format.JOB_PROGRESS, job.format());
        assertTrue(job.summary().startsWith("job 12345678 " + JobKind.values()[0].label() + " running 25%"), job.summary());

        AuditEvent audit = new AuditEvent(Instant.parse("2026-01-02T03:04:05Z"), "ana", "local", "kafka.topic.delete",
                "orders", 1, "ok");
        DecodedValue who = MessageDecoder.decode(Topics.AUDIT, Json.mapper().writeValueAsBytes(audit));
        assertEquals(DecodedValue.Format.AUDIT, who.format());
        assertEquals("ana kafka.topic.delete orders (1) - ok", who.summary());

        CacheStatsMessage stats = new CacheStatsMessage(Instant.now(), "console-1", "pm25", 40, 2, 0, 120, 900);
        DecodedValue counters = MessageDecoder.decode(Topics.CACHE_STATS, Json.mapper().writeValueAsBytes(stats));
        assertEquals(DecodedValue.Format.CACHE_STATS, counters.format());
        assertEquals("pm25: 40 hits, 2 misses, 0 errors from console-1", counters.summary());
    }

    @Test
    void otherValuesAreJsonTextOrHex() {
        DecodedValue json = MessageDecoder.decode("t", "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(DecodedValue.Format.JSON, json.format());
        assertTrue(json.text().contains("\n"), "pretty printed");
        assertEquals(DecodedValue.Format.TEXT, MessageDecoder.decode("t", "héllo {".getBytes(StandardCharsets.UTF_8)).format());
        DecodedValue hex = MessageDecoder.decode("t", new byte[] {0, 1, 2, (byte) 0xff});
        assertEquals(DecodedValue.Format.HEX, hex.format());
        assertTrue(hex.text().startsWith("00000000  00 01 02 ff"), hex.text());
        // a Ringside topic holding something else falls back to the generic decoders
        assertEquals(DecodedValue.Format.TEXT, MessageDecoder.decode(Topics.AUDIT, "plain".getBytes(StandardCharsets.UTF_8)).format());
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("t", 0, 0, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonPathConditionsCompareStringsNumbersAndPatterns() {
        String event = "{\"state\":\"failed\",\"done\":120,\"tags\":[\"x\",\"slow\"],\"error\":null}";
        assertTrue(MessageFilter.jsonPath("$.state == \"failed\"").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.state == 'failed'").test(record(event)));
        assertFalse(MessageFilter.jsonPath("$.state == \"running\"").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.state != \"running\"").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.done >= 120").test(record(event)));
        assertFalse(MessageFilter.jsonPath("$.done > 120.5").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.tags[*] == \"slow\"").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.state =~ \"fail\"").test(record(event)));
        assertTrue(MessageFilter.jsonPath("$.done").test(record(event)));
        assertFalse(MessageFilter.jsonPath("$.error").test(record(event)));
        assertFalse(MessageFilter.jsonPath("$.state == \"failed\"").test(record("\"failed\" but not JSON")));
        assertThrows(IllegalArgumentException.class, () -> MessageFilter.jsonPath("state == 1"));
        assertThrows(IllegalArgumentException.class, () -> MessageFilter.jsonPath("$.[[ == 1"));
    }
}
