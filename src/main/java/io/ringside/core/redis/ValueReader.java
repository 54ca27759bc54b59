package io.ringside.core.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.data.cache.CacheEnvelope;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25SeriesCodec;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads one key's value for the value viewer, by type, a page at a time for collections (so a
 * list of millions of elements is never loaded whole) and only below a size guard for strings
 * unless asked (above it, the first {@link #SHOWN_BYTES} are fetched with GETRANGE and shown as a
 * preview). Entries of Ringside's own namespaces are opened the way the cache-aside opens them
 * ({@link CacheEnvelope} and the namespace's codec), so a cached PM2.5 year shows its days and a
 * cached dataset chunk its inflated bytes and manifest entry; other strings are recognised as
 * gzip (inflated), JSON (pretty-printed), UTF-8 text, or else shown as hex. Values are only ever
 * decoded as data, never Java-deserialized.
 */
public final class ValueReader {

    public static final long SIZE_GUARD = 1 << 20;
    static final int SHOWN_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;
    private final Function<String, Optional<String>> chunkNotes;

    /** A reader without dataset manifests at hand. */
    public ValueReader(UnifiedJedis redis) {
        this(redis, key -> Optional.empty());
    }

    /** {@code chunkNotes} describes a {@code dataset:<name>:<version>:chunk:<seq>} key, e.g. its manifest entry. */
    public ValueReader(UnifiedJedis redis, Function<String, Optional<String>> chunkNotes) {
        this.redis = redis;
        this.chunkNotes = chunkNotes;
    }

    /** A reader that shows the manifest entry of cached dataset chunks from {@code store}. */
    public static ValueReader withDatasets(UnifiedJedis redis, DatasetStore store) {
        return withDatasets(redis, () -> store);
    }

    /**
     * Like {@link #withDatasets(UnifiedJedis, DatasetStore)}, with the store asked for only when a
     * chunk is shown: the console's Redis pages must work while Cassandra is down, so a store that
     * cannot be had gives a note saying why instead of a failed read.
     */
    public static ValueReader withDatasets(UnifiedJedis redis, Supplier<DatasetStore> stores) {
        return new ValueReader(redis, key -> {
            Optional<DatasetChunkCache.Key> chunk = DatasetChunkCache.parseKey(key).filter(DatasetChunkCache.Key::chunk);
            if (chunk.isEmpty()) {
                return Optional.empty();
            }
            int seq = chunk.get().seq();
            try {
                return stores.get().manifest(chunk.get().name(), chunk.get().version()).map(d -> String.format(Locale.ROOT,
                        "chunk %d of %d of %s (%s, %s, %d raw bytes, chunks of %d bytes, sha256 %s)", seq,
                        d.chunkCount(), d.describe(), d.status().name().toLowerCase(Locale.ROOT), d.kind(),
                        d.rawBytes(), d.chunkSize(), d.sha256()));
            } catch (RuntimeException e) {
                return Optional.of("manifest entry not available: " + e.getMessage());
            }
        });
    }

    /**
     * The value of {@code key}: a string (loaded only up to {@link #SIZE_GUARD} unless {@code force}),
     * or the page of a collection starting at {@code page} ({@code null} for the first).
     *
     * @throws NotFoundException when the key does not exist
     */
    public ValueView read(byte[] key, String page, int pageSize, boolean force) {
        String type = redis.type(key);
        return switch (type) {
            case "none" -> throw new NotFoundException("No key " + KeyText.escape(key));
            case "string" -> string(key, force);
            case "hash" -> hash(key, page, pageSize);
            case "list" -> list(key, page, pageSize);
            case "set" -> set(key, page, pageSize);
            case "zset" -> zset(key, page, pageSize);
            case "stream" -> stream(key, page, pageSize);
            default -> new ValueView(key, type, -1, false, null, List.of(), null);
        };
    }

    private ValueView string(byte[] key, boolean force) {
        long size = redis.strlen(key);
        ReadableKey name = ReadableKey.of(key);
        if (size > SIZE_GUARD && !force) {
            byte[] head = redis.getrange(key, 0, SHOWN_BYTES - 1);
            String note = chunkNotes.apply(name.raw()).orElse("");
            return new ValueView(key, "string", size, true, decode(name, head, size, note), List.of(), null);
        }
        byte[] value = redis.get(key);
        if (value == null) {
            throw new NotFoundException("No key " + KeyText.escape(key));
        }
        String note = chunkNotes.apply(name.raw()).orElse("");
        return new ValueView(key, "string", value.length, false, decode(name, value, value.length, note), List.of(), null);
    }

    /**
     * Decodes the string of {@code key}: {@code value} is all of it when {@code storedBytes} is its
     * length, else its beginning (a preview). An entry of a Ringside namespace that its codec cannot
     * read is shown like any other string, with a note saying why.
     */
    static ValueView.StringValue decode(ReadableKey key, byte[] value, long storedBytes, String note) {
        boolean whole = storedBytes == value.length;
        if (!CacheEnvelope.looksStored(value)) {
            return decode(value, storedBytes, whole, note);
        }
        if (key.kind() == ReadableKey.Kind.PM25 && whole) {
            try {
                Optional<List<DailyPm25>> days = CacheEnvelope.open(value, new Pm25SeriesCodec(key.pm25().orElseThrow().location()));
                return days.map(d -> new ValueView.StringValue(ValueView.Encoding.PM25_SERIES, daysText(d), storedBytes,
                        -1, false, note, d)).orElseGet(() -> noRows(storedBytes, note));
            } catch (RuntimeException e) {
                return decode(value, storedBytes, true, join(note, "not a PM2.5 series this version reads: " + e.getMessage()));
            }
        }
        if (key.kind() == ReadableKey.Kind.DATASET_CHUNK) {
            if (CacheEnvelope.isAbsent(value)) {
                return noRows(storedBytes, note);
            }
            ValueView.StringValue chunk = decode(CacheEnvelope.payload(value), storedBytes, whole, note);
            return chunk;
        }
        return decode(value, storedBytes, whole, note);
    }

    private static ValueView.StringValue noRows(long storedBytes, String note) {
        return new ValueView.StringValue(ValueView.Encoding.NO_ROWS,
                "A negative entry: the source had no rows for this key when it was read, so reads are answered "
                        + "from the cache until it expires.", storedBytes, -1, false, note);
    }

    private static String join(String note, String more) {
        return note.isEmpty() ? more : note + "\n" + more;
    }

    /** The days as TSV with a header, what copying the value gives. */
    private static String daysText(List<DailyPm25> days) {
        StringBuilder out = new StringBuilder("date\tavg\tmin\tmax\tsamples\n");
        for (DailyPm25 day : days) {
            out.append(day.date()).append('\t').append(day.avg()).append('\t').append(day.min()).append('\t')
                    .append(day.max()).append('\t').append(day.samples() == null ? "" : day.samples()).append('\n');
        }
        return out.toString();
    }

    /** A whole string of no Ringside namespace. */
    static ValueView.StringValue decode(byte[] value, String note) {
        return decode(value, value.length, true, note);
    }

    private static ValueView.StringValue decode(byte[] value, long storedBytes, boolean whole, String note) {
        if (value.length >= 2 && (value[0] & 0xff) == 0x1f && (value[1] & 0xff) == 0x8b) {
            Optional<Inflated> inflated = inflate(value, whole);
            if (inflated.isPresent()) {
                Inflated in = inflated.get();
                boolean allInflated = in.complete() && in.size() == in.head().length;
                ValueView.StringValue inner = decode(in.head(), in.head().length, allInflated, "");
                return new ValueView.StringValue(ValueView.Encoding.GZIP, inner.text(), storedBytes,
                        in.complete() ? in.size() : -1, inner.truncated() || !allInflated, note);
            }
        }
        Optional<String> text = utf8(value, whole);
        if (text.isPresent()) {
            String s = text.get();
            String trimmed = s.stripLeading();
            if (whole && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
                try {
                    JsonNode node = JSON.readTree(s);
                    return new ValueView.StringValue(ValueView.Encoding.JSON,
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node), storedBytes, -1, false, note);
                } catch (IOException e) {
                    // not JSON after all: shown as text
                }
            }
            return new ValueView.StringValue(ValueView.Encoding.TEXT, s, storedBytes, -1, !whole, note);
        }
        return new ValueView.StringValue(ValueView.Encoding.HEX, hex(value, SHOWN_BYTES), storedBytes, -1,
                !whole || value.length > SHOWN_BYTES, note);
    }

    /** The first inflated bytes, how many there were, and whether the gzip data ended where it should. */
    private record Inflated(byte[] head, long size, boolean complete) {
    }

    /**
     * Inflates every gzip member, keeping the first bytes to show and counting the rest. The
     * beginning of a larger value ({@code whole} false) inflates as far as it goes.
     */
    private static Optional<Inflated> inflate(byte[] gz, boolean whole) {
        byte[] head = new byte[SHOWN_BYTES];
        int kept = 0;
        long size = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    int keep = Math.min(n, SHOWN_BYTES - kept);
                    System.arraycopy(buffer, 0, head, kept, keep);
                    kept += keep;
                    size += n;
                }
            } catch (EOFException e) {
                if (whole) {
                    return Optional.empty();
                }
                return Optional.of(new Inflated(Arrays.copyOf(head, kept), size, false));
            }
            return Optional.of(new Inflated(Arrays.copyOf(head, kept), size, true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The value as UTF-8 text; the beginning of a larger value may end inside a character, which is left out. */
    private static Optional<String> utf8(byte[] value, boolean whole) {
        Optional<String> text = utf8(value, value.length);
        for (int cut = 1; text.isEmpty() && !whole && cut <= 3 && cut < value.length; cut++) {
            text = utf8(value, value.length - cut);
        }
        return text;
    }

    private static Optional<String> utf8(byte[] value, int length) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value, 0, length)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return Optional.empty();
                }
            }
            return Optional.of(s);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A hex dump: offset, 16 bytes in hex, the same bytes as ASCII. */
    static String hex(byte[] value, int max) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length, max);
        for (int row = 0; row < end; row += 16) {
            out.append(String.format(Locale.ROOT, "%08x ", row));
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < end) {
                    out.append(String.format(Locale.ROOT, " %02x", value[i] & 0xff));
                    char c = (char) (value[i] & 0xff);
                    ascii.append(c >= 0x20 && c < 0x7f ? c : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append("  |").append(ascii).append("|\n");
        }
        return out.toString();
    }

    private ValueView hash(byte[] key, String page, int pageSize) {
        ScanResult<Map.Entry<byte[], byte[]>> result = redis.hscan(key, cursor(page), new ScanParams().count(pageSize));
        List<ValueView.Entry> entries = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : result.getResult()) {
            entries.add(new ValueView.Entry(KeyText.escape(e.getKey()), KeyText.escape(e.getValue())));
        }
        return new ValueView(key, "hash", redis.hlen(key), false, null, entries, next(result));
    }

    private ValueView set(byte[] key, String page, int pageSize) {
        ScanResult<byte[]> result = redis.sscan(key, cursor(page), new ScanParams().count(pageSize));
        List<ValueView.Entry> entries = result.getResult().stream()
                .map(m -> new ValueView.Entry(KeyText.escape(m), "")).toList();
        return new ValueView(key, "set", redis.scard(key), false, null, entries, next(result));
    }

    private ValueView list(byte[] key, String page, int pageSize) {
        long from = page == null ? 0 : Long.parseLong(page);
        long size = redis.llen(key);
        List<byte[]> items = redis.lrange(key, from, from + pageSize - 1);
        List<ValueView.Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(new ValueView.Entry(String.valueOf(from + i), KeyText.escape(items.get(i))));
        }
        long next = from + items.size();
        return new ValueView(key, "list", size, false, null, entries, next < size && !items.isEmpty() ? String.valueOf(next) : null);
    }

    private ValueView zset(byte[] key, String page, int pageSize) {
        long from = page == null ? 0 : Long.parseLong(page);
        long size = redis.zcard(key);
        List<Tuple> items = redis.zrangeWithScores(key, from, from + pageSize - 1);
        List<ValueView.Entry> entries = items.stream()
                .map(t -> new ValueView.Entry(KeyText.escape(t.getBinaryElement()), String.valueOf(t.getScore()))).toList();
        long next = from + items.size();
        return new ValueView(key, "zset", size, false, null, entries, next < size && !items.isEmpty() ? String.valueOf(next) : null);
    }

    private ValueView stream(byte[] key, String page, int pageSize) {
        String name = new String(key, StandardCharsets.UTF_8);
        StreamEntryID start = page == null ? null : new StreamEntryID(page);
        // the range starts at the last entry shown (inclusive): one more to drop it, one more to see if there is more
        List<StreamEntry> items = redis.xrange(name, start, (StreamEntryID) null, pageSize + (start == null ? 1 : 2));
        if (start != null && !items.isEmpty() && items.get(0).getID().equals(start)) {
            items = items.subList(1, items.size());
        }
        boolean more = items.size() > pageSize;
        List<StreamEntry> shown = more ? items.subList(0, pageSize) : items;
        List<ValueView.Entry> entries = shown.stream()
                .map(e -> new ValueView.Entry(e.getID().toString(), e.getFields().toString())).toList();
        return new ValueView(key, "stream", redis.xlen(name), false, null, entries,
                more ? shown.get(shown.size() - 1).getID().toString() : null);
    }

    private static byte[] cursor(String page) {
        return (page == null ? ScanParams.SCAN_POINTER_START : page).getBytes(StandardCharsets.US_ASCII);
    }

    private static String next(ScanResult<?> result) {
        return result.isCompleteIteration() ? null : result.getCursor();
    }

    /**
     * Saves a value to {@code file} whatever its size: a string byte for byte, a collection as
     * TSV lines of its entries, page by page. Written to a temporary file first, then moved.
     */
    public long save(byte[] key, Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            long written;
            if ("string".equals(redis.type(key))) {
                byte[] value = redis.get(key);
                if (value == null) {
                    throw new NotFoundException("No key " + KeyText.escape(key));
                }
                try (OutputStream out = Files.newOutputStream(temp)) {
                    out.write(value);
                }
                written = value.length;
            } else {
                written = 0;
                try (BufferedWriter out = Files.newBufferedWriter(temp)) {
                    String page = null;
                    do {
                        ValueView view = read(key, page, 1000, true);
                        for (ValueView.Entry e : view.entries()) {
                            out.write(e.name() + '\t' + e.value() + '\n');
                            written++;
                        }
                        page = view.nextPage();
                    } while (page != null);
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new RingsideException("Cannot save " + KeyText.escape(key) + " to " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the move succeeded or the error above says what went wrong
            }
        }
    }
}
