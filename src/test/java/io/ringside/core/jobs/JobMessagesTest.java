package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.pm25.Pm25Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job messages on the wire: snake_case fields and the conventions' spellings, read back unchanged. */
class JobMessagesTest {

    private final JobRequest request = new JobRequest(UUID.randomUUID(), JobKind.LOAD_PM25, List.of("/data/a.csv"),
            Map.of(JobOptions.MAX_REJECTED, "1.0"), "alice", Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aDatasetLoadSaysItsSizeInTheOneUnitSystemAndKeepsTheWholeSha256() {
        String sha = "ab12".repeat(16);
        assertEquals("stored fashion-mnist version 1: idx, 26.4 MB in 3 chunks, sha256 " + sha,
                JobRunner.stored("fashion-mnist", 1, "idx", 3, 26_412_236, sha));
        assertEquals("stored tiny version 2: binary, 512 B in 1 chunk, sha256 " + sha,
                JobRunner.stored("tiny", 2, "binary", 1, 512, sha));
    }

    @Test
    void aRequestHasTheConventionsFieldsAndReadsBack() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(request));
        assertEquals(request.jobId().toString(), json.path("job_id").asText());
        assertEquals("load-pm25", json.path("kind").asText());
        assertEquals("/data/a.csv", json.path("source").path(0).asText());
        assertEquals("1.0", json.path("options").path("max_rejected").asText());
        assertEquals("alice", json.path("requested_by").asText());
        assertEquals("2026-12-01T10:00:00Z", json.path("requested_at").asText());
        assertEquals(request, Json.mapper().treeToValue(json, JobRequest.class));
    }

    @Test
    void aRequestCarriesItsProfileAndAnOlderRequestWithoutOneIsNotReadOnly() throws Exception {
        JobRequest readOnly = new JobRequest(request.jobId(), request.kind(), request.source(), request.options(),
                "alice", request.requestedAt(), "watch-only", true);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(readOnly));
        assertEquals("watch-only", json.path("profile").asText());
        assertTrue(json.path("read_only").asBoolean(), json.toString());
        assertEquals(readOnly, Json.mapper().treeToValue(json, JobRequest.class));

        String older = "{\"job_id\":\"" + request.jobId() + "\",\"kind\":\"load-pm25\",\"source\":[\"/data/a.csv\"],"
                + "\"options\":{},\"requested_by\":\"alice\",\"requested_at\":\"2026-12-01T10:00:00Z\"}";
        JobRequest old = Json.mapper().readValue(older, JobRequest.class);
        assertEquals(null, old.profile());
        assertEquals(false, old.readOnly());
        old.guard().checkWritable("run it");
        assertThrows(io.ringside.core.connect.ReadOnlyProfileException.class,
                () -> readOnly.guard().checkWritable("run it"));
    }

    @Test
    void anOlderRequestReadsIntoTheTypedOptionsOfItsKind() throws Exception {
        String older = "{\"job_id\":\"" + request.jobId() + "\",\"kind\":\"load-pm25\",\"source\":[\"/data/a.csv\"],"
                + "\"options\":{\"format\":\"prsa-single\",\"location\":\"Shunyi\",\"max_rejected\":\"5.0\","
                + "\"encoding\":\"ISO-8859-1\",\"sample\":\"true\"},\"requested_by\":\"alice\","
                + "\"requested_at\":\"2026-12-01T10:00:00Z\"}";
        assertEquals(new LoadPm25Options(Pm25Format.PRSA_SINGLE, "Shunyi", 5.0, StandardCharsets.ISO_8859_1, true),
                Json.mapper().readValue(older, JobRequest.class).typedOptions());

        String dataset = older.replace("load-pm25", "load-dataset").replaceFirst("\"options\":\\{[^}]*}",
                "\"options\":{\"name\":\"blob\",\"dataset_kind\":\"idx\",\"rate_mbps\":\"2.5\"}");
        assertEquals(new LoadDatasetOptions("blob", DatasetKind.IDX, 2.5),
                Json.mapper().readValue(dataset, JobRequest.class).typedOptions());
        // what an older request left out takes the defaults the worker always applied
        assertEquals(new LoadPm25Options(null, null, 1.0, null, false), JobOptions.fromWire(JobKind.LOAD_PM25, Map.of()));
        assertEquals(new WarmOptions("blob", null, 20), JobOptions.fromWire(JobKind.WARM, Map.of(JobOptions.DATASET, "blob")));
    }

    @Test
    void typedOptionsGoOnTheWireAsTheConventionsNamedTextAndReadBack() throws Exception {
        LoadPm25Options pm25 = new LoadPm25Options(Pm25Format.DAILY, null, 5.0, null, true);
        JobRequest typed = JobRequest.of(request.jobId(), request.source(), pm25, "alice", request.requestedAt(), null,
                false);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(typed));
        assertEquals(Json.mapper().readTree("{\"format\":\"daily\",\"max_rejected\":\"5.0\",\"sample\":\"true\"}"),
                json.path("options"));
        assertEquals("load-pm25", json.path("kind").asText());
        assertEquals(pm25, Json.mapper().treeToValue(json, JobRequest.class).typedOptions());

        LoadDatasetOptions dataset = new LoadDatasetOptions("blob", DatasetKind.BINARY, null);
        assertEquals(Map.of(JobOptions.NAME, "blob", JobOptions.DATASET_KIND, "binary"), dataset.toWire());
        assertEquals(dataset, JobOptions.fromWire(JobKind.LOAD_DATASET, dataset.toWire()));
        assertEquals(Map.of(JobOptions.DATASET, "blob", JobOptions.VERSION, "3", JobOptions.RATE, "20.0"),
                new WarmOptions("blob", 3, 20).toWire());
    }

    @Test
    void invalidOptionsFailOnceWithTheOptionNamed() {
        assertEquals("a load-pm25 job's option 'max_rejected': 'lots' is not a valid double",
                invalid(JobKind.LOAD_PM25, Map.of(JobOptions.MAX_REJECTED, "lots")));
        assertEquals("a load-pm25 job's option 'max_rejected': must be a percentage from 0 to 100, not 150.0",
                invalid(JobKind.LOAD_PM25, Map.of(JobOptions.MAX_REJECTED, "150")));
        assertTrue(invalid(JobKind.LOAD_PM25, Map.of(JobOptions.FORMAT, "hourly"))
                .startsWith("a load-pm25 job's option 'format': Unknown PM2.5 format 'hourly'"));
        assertEquals("a load-dataset job needs the option 'name'",
                invalid(JobKind.LOAD_DATASET, Map.of(JobOptions.RATE_MBPS, "1")));
        assertEquals("a load-dataset job's option 'rate_mbps' must be a positive number of MB/s, not -1.0",
                invalid(JobKind.LOAD_DATASET, Map.of(JobOptions.NAME, "blob", JobOptions.RATE_MBPS, "-1")));
        assertEquals("a load-dataset job's option 'dataset_kind': expected auto, idx or binary, not 'csv'",
                invalid(JobKind.LOAD_DATASET, Map.of(JobOptions.NAME, "blob", JobOptions.DATASET_KIND, "csv")));
        assertThrows(IllegalArgumentException.class, () -> new WarmOptions("blob", null, 0));
    }

    @Test
    void theClientStampsRequestsWithTheClockItWasGiven(@TempDir Path data) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        JobRequest typed = new JobClient(Map.of(), data, clock).request(List.of("/data/blob.bin"),
                new LoadDatasetOptions("blob", null, null), "local", false);
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), typed.requestedAt());
        assertEquals(JobKind.LOAD_DATASET, typed.kind());
        assertEquals(Map.of(JobOptions.NAME, "blob", JobOptions.DATASET_KIND, "auto"), typed.options());
    }

    private static String invalid(JobKind kind, Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class, () -> JobOptions.fromWire(kind, options)).getMessage();
    }

    @Test
    void aQueuedEventCarriesTheRequestAndNullsForWhatIsNotKnownYet() throws Exception {
        ProgressEvent queued = ProgressEvent.queued(request, Instant.parse("2026-12-01T10:00:01Z"));
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(queued));
        assertEquals("queued", json.path("state").asText());
        assertEquals(0, json.path("seq").asLong());
        assertTrue(json.has("eta_s") && json.path("eta_s").isNull(), json.toString());
        assertTrue(json.has("p99_ms") && json.path("p99_ms").isNull(), json.toString());
        assertEquals(queued, Json.mapper().treeToValue(json, ProgressEvent.class));
    }

    @Test
    void aCancelReadsBackAndUnknownSpellingsAreRefused() throws Exception {
        JobControl cancel = new JobControl(request.jobId(), JobControl.CANCEL, "bob", Instant.parse("2026-12-01T10:05:00Z"));
        String json = Json.mapper().writeValueAsString(cancel);
        assertTrue(json.contains("\"action\":\"cancel\"") && json.contains("\"requested_by\":\"bob\""), json);
        assertEquals(cancel, Json.mapper().readValue(json, JobControl.class));
        assertThrows(IllegalArgumentException.class, () -> JobKind.parse("load-everything"));
        assertEquals(JobState.CANCELLED, JobState.parse("cancelled"));
        assertTrue(JobState.FAILED.terminal() && !JobState.RUNNING.terminal());
    }
}
