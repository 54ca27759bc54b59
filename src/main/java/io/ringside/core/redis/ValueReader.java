package io.ringside.core.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.data.dataset.DatasetStore;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * unless asked. Strings are recognised as gzip (inflated; a dataset chunk also gets its manifest
 * entry), JSON (pretty-printed), UTF-8 text, or else shown as hex. Values are only ever decoded
 * as data, never Java-deserialized.
 */
public final class ValueReader {

    public static final long SIZE_GUARD = 1 << 20;
    static final int SHOWN_BYTES = 64 * 1024;
    private static final Pattern CHUNK_KEY = Pattern.compile("dataset:(.+):(\\d+):chunk:(\\d+)");
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
            Matcher m = CHUNK_KEY.matcher(key);
            if (!m.matches()) {
                return Optional.empty();
            }
            int version = Integer.parseInt(m.group(2));
            int seq = Integer.parseInt(m.group(3));
            try {
                return stores.get().manifest(m.group(1), version).map(d -> String.format(Locale.ROOT,
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
        if (size > SIZE_GUARD && !force) {
            return new ValueView(key, "string", size, true, null, List.of(), null);
        }
        byte[] value = redis.get(key);
        if (value == null) {
            throw new NotFoundException("No key " + KeyText.escape(key));
        }
        String note = chunkNotes.apply(new String(key, StandardCharsets.UTF_8)).orElse("");
        return new ValueView(key, "string", value.length, false, decode(value, note), List.of(), null);
    }

    static ValueView.StringValue decode(byte[] value, String note) {
        if (value.length >= 2 && (value[0] & 0xff) == 0x1f && (value[1] & 0xff) == 0x8b) {
            Optional<Inflated> inflated = inflate(value);
            if (inflated.isPresent()) {
                Inflated in = inflated.get();
                ValueView.StringValue inner = decode(in.head(), "");
                return new ValueView.StringValue(ValueView.Encoding.GZIP, inner.text(), value.length, in.size(),
                        inner.truncated() || in.size() > in.head().length, note);
            }
        }
        Optional<String> text = utf8(value);
        if (text.isPresent()) {
            String s = text.get();
            String trimmed = s.stripLeading();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    JsonNode node = JSON.readTree(s);
                    return new ValueView.StringValue(ValueView.Encoding.JSON,
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node), value.length, -1, false, note);
                } catch (IOException e) {
                    // not JSON after all: shown as text
                }
            }
            return new ValueView.StringValue(ValueView.Encoding.TEXT, s, value.length, -1, false, note);
        }
        return new ValueView.StringValue(ValueView.Encoding.HEX, hex(value, SHOWN_BYTES), value.length, -1,
                value.length > SHOWN_BYTES, note);
    }

    private record Inflated(byte[] head, long size) {
    }

    /** Inflates every gzip member, keeping the first bytes to show and counting the rest. */
    private static Optional<Inflated> inflate(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            byte[] head = in.readNBytes(SHOWN_BYTES);
            long size = head.length;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
            return Optional.of(new Inflated(head, size));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> utf8(byte[] value) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
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
