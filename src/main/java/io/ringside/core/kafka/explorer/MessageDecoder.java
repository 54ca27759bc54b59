package io.ringside.core.kafka.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.kafka.AuditEvent;
import io.ringside.core.kafka.Topics;
import io.ringside.core.redis.CacheStatsFeed;
import io.ringside.core.data.cache.CacheStatsMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a value as what it is. Ringside's own topics are read with the parsers of their messages
 * (a progress event as job, state and percent; an audit event as who did what; cache stats as
 * counters); anything else as pretty JSON, as UTF-8 text, or as a hex dump when it is neither.
 */
public final class MessageDecoder {

    /** The most bytes a hex dump shows; a preview is already bounded, this keeps the text small too. */
    static final int HEX_BYTES = 4096;
    private static final int SUMMARY_CHARS = 200;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MessageDecoder() {
    }

    public static DecodedValue decode(String topic, byte[] value) {
        if (value == null || value.length == 0) {
            return new DecodedValue(DecodedValue.Format.EMPTY, value == null ? "(null)" : "(empty)", "");
        }
        Optional<DecodedValue> own = ringside(topic, value);
        if (own.isPresent()) {
            return own.get();
        }
        Optional<String> text = utf8(value);
        if (text.isPresent()) {
            Optional<JsonNode> tree = jsonTree(text.get(), value);
            if (tree.isPresent()) {
                return new DecodedValue(DecodedValue.Format.JSON, oneLine(tree.get().toString()), pretty(tree.get()));
            }
            return new DecodedValue(DecodedValue.Format.TEXT, oneLine(text.get()), text.get());
        }
        return new DecodedValue(DecodedValue.Format.HEX, oneLine(HexFormat.of().formatHex(value, 0,
                Math.min(value.length, 64))), hexDump(value));
    }

    /**
     * The value as indented JSON when its bytes are JSON, whatever {@link #decode} shows it as: Ringside's
     * own messages (job progress, audit, cache stats) are JSON on the wire, decoded into their own
     * words for the table and text pane, and still a JSON tree for the detail pane's folding view.
     */
    public static Optional<String> json(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return utf8(value).flatMap(text -> jsonTree(text, value)).map(MessageDecoder::pretty);
    }

    private static Optional<JsonNode> jsonTree(String text, byte[] value) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(PRETTY.readTree(value));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String pretty(JsonNode tree) {
        try {
            return PRETTY.writeValueAsString(tree);
        } catch (IOException e) {
            return tree.toPrettyString();
        }
    }

    private static Optional<DecodedValue> ringside(String topic, byte[] value) {
        if (Topics.JOB_PROGRESS.equals(topic)) {
            return ProgressEvent.decode(new String(value, StandardCharsets.UTF_8)).map(MessageDecoder::progress);
        }
        if (Topics.AUDIT.equals(topic)) {
            return AuditEvent.decode(value).map(MessageDecoder::audit);
        }
        if (Topics.CACHE_STATS.equals(topic)) {
            return CacheStatsFeed.decode(value).map(MessageDecoder::cacheStats);
        }
        return Optional.empty();
    }

    private static DecodedValue progress(ProgressEvent e) {
        String summary = String.format(Locale.ROOT, "job %s %s %s%s%s", shortId(e.jobId().toString()),
                e.kind() == null ? "?" : e.kind().label(), e.state() == null ? "?" : e.state().label(),
                e.fractionKnown() ? " " + e.percent() : "", e.headline().isEmpty() ? "" : " - " + e.headline());
        String text = String.format(Locale.ROOT, "job       %s%nkind      %s%nstate     %s%nphase     %s%n"
                        + "progress  %s%nerrors    %d%nseq       %d%nat        %s%nmessage   %s%n",
                e.jobId(), e.kind() == null ? "" : e.kind().label(), e.state() == null ? "" : e.state().label(),
                e.phase(), progressLine(e), e.errors(), e.seq(), e.ts(), e.message() == null ? "" : e.message());
        return new DecodedValue(DecodedValue.Format.JOB_PROGRESS, summary, text);
    }

    /**
     * {@code 40 of 100 rows (40.0%)}; without a known total {@code 40 rows (total unknown)}; for a
     * job that is queued or has only started, {@code nothing counted yet}, not "0 bytes".
     */
    private static String progressLine(ProgressEvent e) {
        String unit = e.unit() == null ? "" : e.unit().name().toLowerCase(Locale.ROOT);
        if (!e.amountKnown()) {
            return "nothing counted yet";
        }
        return e.fractionKnown()
                ? String.format(Locale.ROOT, "%d of %d %s (%.1f%%)", e.done(), e.total(), unit, e.fraction() * 100)
                : String.format(Locale.ROOT, "%d %s (total unknown)", e.done(), unit);
    }

    private static DecodedValue audit(AuditEvent e) {
        String summary = String.format(Locale.ROOT, "%s %s %s (%d) - %s", e.user(), e.action(), e.target(), e.count(),
                e.outcome());
        String text = String.format(Locale.ROOT, "who       %s (profile %s)%ndid       %s%non        %s%n"
                + "count     %d%noutcome   %s%nat        %s%n", e.user(), e.profile(), e.action(), e.target(), e.count(),
                e.outcome(), e.ts());
        return new DecodedValue(DecodedValue.Format.AUDIT, oneLine(summary), text);
    }

    private static DecodedValue cacheStats(CacheStatsMessage m) {
        String summary = String.format(Locale.ROOT, "%s: %d hits, %d misses, %d errors from %s", m.namespace(), m.hits(),
                m.misses(), m.errors(), m.instance());
        String text = String.format(Locale.ROOT, "namespace %s%ninstance  %s%nhits      %d%nmisses    %d%nerrors    %d%n"
                + "p50       %d us%np99       %d us%nat        %s%n", m.namespace(), m.instance(), m.hits(), m.misses(),
                m.errors(), m.p50Us(), m.p99Us(), m.ts());
        return new DecodedValue(DecodedValue.Format.CACHE_STATS, summary, text);
    }

    /** The bytes as UTF-8 when they are valid UTF-8 without control characters other than whitespace. */
    public static Optional<String> utf8(byte[] value) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return Optional.empty();
                }
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            // a preview may cut a multi-byte character at its end
            return Optional.empty();
        }
    }

    private static String hexDump(byte[] value) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(value.length, HEX_BYTES);
        for (int row = 0; row < shown; row += 16) {
            out.append(String.format(Locale.ROOT, "%08x  ", row));
            StringBuilder chars = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < shown) {
                    out.append(String.format(Locale.ROOT, "%02x ", value[i]));
                    chars.append(value[i] >= 0x20 && value[i] < 0x7f ? (char) value[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(chars).append('\n');
        }
        if (shown < value.length) {
            out.append(String.format(Locale.ROOT, "... %,d more bytes%n", value.length - shown));
        }
        return out.toString();
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= SUMMARY_CHARS ? line : line.substring(0, SUMMARY_CHARS) + "...";
    }

    /** Valid JSON for a produce; names the line and column of the first error. */
    public static String requireJson(String text) {
        try {
            JsonNode tree = PRETTY.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("The value is empty, not JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("The value is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
