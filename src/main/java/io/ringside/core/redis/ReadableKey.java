package io.ringside.core.redis;

import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.pm25.Pm25Cache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A key as an operator reads it. Ringside's own keys hold URL-encoded locations and numbered
 * parts ({@code pm25:Hyderabad+US+Consulate%2C+India+%28%E0%A4%B9...:2025}); read back by the
 * parsers next to the code that builds them ({@link Pm25Cache#parseKey}, {@link
 * DatasetChunkCache#parseKey}) they read {@code pm25 · Hyderabad US Consulate, India (हैदराबाद ...) · 2025}.
 * Every other key reads as its escaped text ({@link KeyText#escape}), which is also what copy,
 * tooltips and the command line keep using: the readable text names a key for people, never for Redis.
 */
public final class ReadableKey {

    /** How the parts of a readable key are joined. */
    public static final String SEPARATOR = " · ";

    /** Which of Ringside's namespaces a key belongs to. */
    public enum Kind { PM25, DATASET_CHUNK, DATASET_META, LEASE, OTHER }

    private static final String LEASE_LABEL = "lease";

    private final String raw;
    private final Kind kind;
    private final List<String> parts;
    private final Pm25Cache.Key pm25;
    private final DatasetChunkCache.Key dataset;

    private ReadableKey(String raw, Kind kind, List<String> parts, Pm25Cache.Key pm25, DatasetChunkCache.Key dataset) {
        this.raw = raw;
        this.kind = kind;
        this.parts = List.copyOf(parts);
        this.pm25 = pm25;
        this.dataset = dataset;
    }

    /** The key's readable form; keys of no Ringside namespace read as their escaped text. */
    public static ReadableKey of(byte[] key) {
        return of(KeyText.escape(key));
    }

    /**
     * The readable form of a key given as {@code ringside keys} prints it. Ringside's keys are
     * printable ASCII, which escaping leaves as it is, so only such text is parsed.
     */
    public static ReadableKey of(String escaped) {
        Optional<Pm25Cache.Key> pm25 = Pm25Cache.parseKey(escaped);
        if (pm25.isPresent()) {
            Pm25Cache.Key k = pm25.get();
            return new ReadableKey(escaped, Kind.PM25, List.of(Pm25Cache.NAMESPACE, k.location(),
                    String.valueOf(k.year())), k, null);
        }
        Optional<DatasetChunkCache.Key> dataset = DatasetChunkCache.parseKey(escaped);
        if (dataset.isPresent()) {
            DatasetChunkCache.Key k = dataset.get();
            return new ReadableKey(escaped, k.chunk() ? Kind.DATASET_CHUNK : Kind.DATASET_META,
                    List.of(DatasetChunkCache.NAMESPACE, k.name(), "v" + k.version(),
                            k.chunk() ? "chunk " + k.seq() : "manifest"), null, k);
        }
        if (escaped.startsWith(CacheAside.LEASE_PREFIX) && escaped.length() > CacheAside.LEASE_PREFIX.length()) {
            ReadableKey held = of(escaped.substring(CacheAside.LEASE_PREFIX.length()));
            List<String> parts = new ArrayList<>();
            parts.add(LEASE_LABEL);
            parts.addAll(held.readable() ? held.parts : List.of(held.raw));
            return new ReadableKey(escaped, Kind.LEASE, parts, null, null);
        }
        return new ReadableKey(escaped, Kind.OTHER, List.of(), null, null);
    }

    /**
     * The label of a namespace of the key browser's tree, given its prefix (escaped, {@code :}
     * between the parts, as {@link NamespaceTree.Node#prefix()} holds it): the decoded location for
     * {@code pm25:<location>}, {@code v3} for a dataset's version, else the prefix's last part.
     */
    public static String namespaceLabel(String prefix) {
        List<String> segments = Arrays.asList(prefix.split(":", -1));
        String last = segments.get(segments.size() - 1);
        if (segments.size() >= 3 && segments.get(0).equals("ringside") && segments.get(1).equals(LEASE_LABEL)) {
            return namespaceLabel(String.join(":", segments.subList(2, segments.size())));
        }
        if (segments.size() == 2 && segments.get(0).equals(Pm25Cache.NAMESPACE)) {
            return Pm25Cache.decodeLocation(last).orElse(last);
        }
        if (segments.size() == 3 && segments.get(0).equals(DatasetChunkCache.NAMESPACE) && last.matches("[1-9]\\d{0,8}")) {
            return "v" + last;
        }
        return last;
    }

    /** The key escaped like {@code redis-cli} shows it: what copy and the command line use. */
    public String raw() {
        return raw;
    }

    /** What to show: the readable parts joined by {@link #SEPARATOR}, or the escaped key. */
    public String text() {
        return parts.isEmpty() ? raw : String.join(SEPARATOR, parts);
    }

    /**
     * Both names, for confirmations and samples where the key must be recognisable and exact:
     * {@code pm25 · Dongsi · 2014 (pm25:Dongsi:2014)}, or the escaped key alone when no readable name differs.
     */
    public String describe() {
        return readable() ? text() + " (" + raw + ")" : raw;
    }

    /** True for a key of a Ringside namespace, whose {@link #text()} differs from {@link #raw()}. */
    public boolean readable() {
        return !parts.isEmpty();
    }

    public Kind kind() {
        return kind;
    }

    /** The readable parts, e.g. {@code [pm25, Dongsi, 2014]}; empty for a key of no Ringside namespace. */
    public List<String> parts() {
        return parts;
    }

    /** The location and year of a {@link Kind#PM25} key. */
    public Optional<Pm25Cache.Key> pm25() {
        return Optional.ofNullable(pm25);
    }

    /** The dataset, version and chunk of a {@link Kind#DATASET_CHUNK} or {@link Kind#DATASET_META} key. */
    public Optional<DatasetChunkCache.Key> dataset() {
        return Optional.ofNullable(dataset);
    }

    @Override
    public String toString() {
        return text();
    }
}
