package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The job messages on the wire: snake_case fields and the conventions' spellings, read back unchanged. */
class JobMessagesTest {

    private final JobRequest request = new JobRequest(UUID.randomUUID(), JobKind.LOAD_PM25, List.of("/data/a.csv"),
            Map.of(JobOptions.MAX_REJECTED, "1.0"), "alice", Instant.parse("2026-12-01T10:00:00Z"));

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
