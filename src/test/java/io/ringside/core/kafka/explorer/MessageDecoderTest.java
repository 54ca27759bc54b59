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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
        // a query export's running event: no total, so no percentage
        ProgressEvent query = new ProgressEvent(progress.jobId(), 4, progress.ts(), JobKind.EXPORT_TABLE,
                List.of("SELECT * FROM a.b"), "ana", JobState.RUNNING, "export", JobUnit.ROWS, 5_000, 0, 900.0, null, 0,
                List.of(), null, null, "5,000 rows written, 90.1 kB");
        DecodedValue unknown = MessageDecoder.decode(Topics.JOB_PROGRESS, Json.mapper().writeValueAsBytes(query));
        assertEquals("job 12345678 export-table running - 5,000 rows written, 90.1 kB", unknown.summary());
        assertTrue(unknown.text().contains("progress  5000 rows (total unknown)"), unknown.text());
        // the worker's first event counts nothing yet: not "0 bytes (total unknown)"
        ProgressEvent start = new ProgressEvent(progress.jobId(), 1, progress.ts(), JobKind.EXPORT_TABLE,
                List.of("SELECT * FROM a.b"), "ana", JobState.RUNNING, "start", JobUnit.BYTES, 0, 0, null, null, 0,
                List.of(), null, null, null);
        DecodedValue started = MessageDecoder.decode(Topics.JOB_PROGRESS, Json.mapper().writeValueAsBytes(start));
        assertTrue(started.text().contains("progress  nothing counted yet"), started.text());

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
    void progressJsonWithoutItsJobOrStateIsShownAsJson() {
        for (String value : List.of("{\"seq\":1,\"state\":\"running\",\"done\":1,\"total\":2}",
                "{\"job_id\":\"12345678-aaaa-bbbb-cccc-1234567890ab\",\"seq\":1,\"total\":0}")) {
            DecodedValue decoded = MessageDecoder.decode(Topics.JOB_PROGRESS, value.getBytes(StandardCharsets.UTF_8));
            assertEquals(DecodedValue.Format.JSON, decoded.format(), value);
            assertTrue(decoded.text().contains("\"seq\" : 1"), decoded.text());
        }
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

    private static ConsumerRecord<ByteBuffer, ByteBuffer> record(String value) {
        return record(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A record whose value is a view into a larger array, as the consumer hands them over: the
     * bytes around it would match (a filter reading past its view would be caught).
     */
    private static ConsumerRecord<ByteBuffer, ByteBuffer> record(byte[] value) {
        byte[] around = "{\"state\":\"failed\"}\\abcab".getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[around.length + value.length + around.length];
        System.arraycopy(around, 0, whole, 0, around.length);
        System.arraycopy(value, 0, whole, around.length, value.length);
        System.arraycopy(around, 0, whole, around.length + value.length, around.length);
        ByteBuffer view = ByteBuffer.wrap(whole, around.length, value.length).slice();
        return new ConsumerRecord<>("t", 0, 0, null, view);
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

    @Test
    void theBytePrefilterNeverDropsATrueMatch() {
        // "state == literal" looks for "failed" in the raw bytes before parsing; "=~ \Aliteral\z" has
        // no prefilter and means the same: the two must agree on every value, escapes included
        List<byte[]> values = new ArrayList<>();
        for (String json : List.of("{\"state\":\"f\\u0061iled\"}", "{\"state\":\"\\u0066\\u0061\\u0069\\u006c\\u0065\\u0064\"}",
                "{\"st\\u0061te\":\"fail\\u0065d\"}", "{\"state\" : \"failed\" }", "{\"state\":\"failed\\\\\"}",
                "{\"state\":\"\\\"failed\\\"\"}", "{\"note\":\"\\\"failed\\\"\",\"state\":\"failed\"}",
                "{\"state\":\"failing\"}", "{\"state\":\"FAILED\"}", "{\"tags\":[\"x\",\"f\\u0061iled\"]}",
                "{\"a\":{\"state\":\"fa\\u0069led\"}}", "{\"state\":\"fa\\/iled\"}", "{\"state\":\"failed\"}")) {
            values.add(json.getBytes(StandardCharsets.UTF_8));
        }
        String plain = "{\"state\":\"failed\"}";
        values.add(plain.getBytes(StandardCharsets.UTF_16BE));
        values.add(plain.getBytes(StandardCharsets.UTF_16LE));
        values.add(plain.getBytes(StandardCharsets.UTF_16));
        values.add(plain.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        List<String> paths = List.of("$.state", "$['state']", "$.tags[*]", "$..state");
        int trueMatches = 0;
        for (String path : paths) {
            MessageFilter prefiltered = MessageFilter.jsonPath(path + " == \"failed\"");
            MessageFilter exact = MessageFilter.jsonPath(path + " =~ \"\\\\Afailed\\\\z\"");
            for (byte[] value : values) {
                ConsumerRecord<ByteBuffer, ByteBuffer> record = record(value);
                boolean expected = exact.test(record);
                assertEquals(expected, prefiltered.test(record), path + " on " + new String(value, StandardCharsets.UTF_8));
                trueMatches += expected ? 1 : 0;
            }
        }
        // the escaped spellings are matches (a prefilter on "failed" alone would have dropped them)
        assertTrue(MessageFilter.jsonPath("$.state == \"failed\"").test(record("{\"state\":\"f\\u0061iled\"}")));
        assertTrue(MessageFilter.jsonPath("$.tags[*] == \"failed\"").test(record("{\"tags\":[\"f\\u0061iled\"]}")));
        assertTrue(MessageFilter.jsonPath("$..state == \"failed\"").test(record("{\"a\":{\"state\":\"fa\\u0069led\"}}")));
        assertFalse(MessageFilter.jsonPath("$.state == \"failed\"").test(record("{\"state\":\"failing\"}")));
        assertTrue(trueMatches >= 12, trueMatches + " true matches among the cases");
    }

    @Test
    void bytesContainsFindsAByteAtEveryPosition() {
        for (int length = 0; length < 20; length++) {
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, (byte) 'a');
            assertFalse(Bytes.contains(bytes, 0, length, (byte) '\\'), "none in " + length);
            for (int at = 0; at < length; at++) {
                bytes[at] = (byte) '\\';
                assertTrue(Bytes.contains(bytes, 0, length, (byte) '\\'), "at " + at + " of " + length);
                assertFalse(Bytes.contains(bytes, at + 1, length, (byte) '\\'), "before " + at + " of " + length);
                assertFalse(Bytes.contains(bytes, 0, at, (byte) '\\'), "after " + at + " of " + length);
                bytes[at] = (byte) ('\\' + 0x80);
                assertFalse(Bytes.contains(bytes, 0, length, (byte) '\\'), "high byte at " + at + " of " + length);
                bytes[at] = (byte) 'a';
            }
        }
    }

    @Test
    void aPathOfPlainNamesAnswersAsJaywayDoes() {
        // $.a.b is read from the token stream, $['a']['b'] by Jayway: both must agree on every value
        List<String> values = List.of("{\"state\":\"failed\"}", "{\"state\":\"ok\",\"x\":{\"state\":\"failed\"}}",
                "{\"x\":{\"state\":\"failed\"}}", "{\"job\":{\"state\":\"failed\",\"n\":7}}",
                "{\"job\":{\"n\":7.0,\"state\":[\"failed\"]}}", "{\"job\":\"failed\",\"state\":null}",
                "[{\"state\":\"failed\"}]", "\"failed\"", "{\"state\":\"failed\"", "{\"state\":\"failed\"} trailing",
                "{\"job\":{\"state\":{\"failed\":true}}}", "{\"job\":{\"n\":70000000000,\"ok\":true}}", "", "{}");
        List<String[]> pairs = List.of(
                new String[] {"$.state == \"failed\"", "$['state'] == \"failed\""},
                new String[] {"$.job.state == \"failed\"", "$['job']['state'] == \"failed\""},
                new String[] {"$.job.n >= 7", "$['job']['n'] >= 7"},
                new String[] {"$.job.n == 70000000000", "$['job']['n'] == 70000000000"},
                new String[] {"$.job.ok == true", "$['job']['ok'] == true"},
                new String[] {"$.job.state =~ \"fail\"", "$['job']['state'] =~ \"fail\""},
                new String[] {"$.state", "$['state']"},
                new String[] {"$.state != \"failed\"", "$['state'] != \"failed\""});
        for (String[] pair : pairs) {
            MessageFilter streamed = MessageFilter.jsonPath(pair[0]);
            MessageFilter jayway = MessageFilter.jsonPath(pair[1]);
            for (String value : values) {
                assertEquals(jayway.test(record(value)), streamed.test(record(value)), pair[0] + " on " + value);
            }
        }
        assertFalse(MessageFilter.jsonPath("$.state == \"failed\"").test(record("{\"x\":{\"state\":\"failed\"}}")));
    }

    @Test
    void valueContainsFindsTheNeedleAnywhere() {
        MessageFilter filter = MessageFilter.valueContains("abcab");
        assertTrue(filter.test(record("abcab")));
        assertTrue(filter.test(record("xxabcabyy")));
        assertTrue(filter.test(record("abcabcab")));
        assertTrue(filter.test(record("ababcacabcab")));
        assertFalse(filter.test(record("abcabx".substring(1))));
        assertFalse(filter.test(record("abca")));
        assertFalse(filter.test(record("bcabcxab")));
        assertTrue(MessageFilter.valueContains("").test(record("")));
        assertTrue(MessageFilter.valueContains("é\"x").test(record("aé\"x")));
    }
}
