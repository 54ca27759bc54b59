package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * Lists keys with their type, TTL and size the way the key browser needs on keyspaces of millions
 * of keys: SCAN pages (COUNT ~1000, MATCH, TYPE) with TYPE + PTTL + MEMORY USAGE pipelined per
 * page. Scanning and fetching run on separate connections and threads, so the next SCAN call is
 * in flight while the previous page's metadata is fetched; done in turn, each page would wait for
 * both round trips and the listing would take three times a bare SCAN loop. A pattern without
 * glob characters is one key and is looked up directly. With several masters (Redis Cluster)
 * each master is scanned in turn.
 */
public final class KeyScanner {

    static final int FETCHERS = 2;

    /** Describes a page of keys of one server. */
    interface Describer {
        List<KeyInfo> describe(JedisPooled node, List<byte[]> keys, boolean sizes);
    }

    /** The servers to scan and which of them owns a key, read together so that they agree. */
    /** The masters, their names for errors ("node 127.0.0.1:7001"), and which one owns a key. */
    private record Servers(List<JedisPooled> masters, List<String> names, ToIntFunction<byte[]> owner) {
    }

    private final Supplier<Servers> atScanStart;
    private final Supplier<Servers> current;
    private final Describer describer;

    public KeyScanner(JedisPooled redis) {
        this(fixed(List.of(redis), key -> 0), null, KeyScanner::describe);
    }

    private static Supplier<Servers> fixed(List<JedisPooled> masters, ToIntFunction<byte[]> owner) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("No Redis server to scan");
        }
        Servers servers = new Servers(List.copyOf(masters), masters.stream().map(m -> "server").toList(), owner);
        return () -> servers;
    }

    /** @param current the servers between scans; null when they are always {@code atScanStart}'s */
    private KeyScanner(Supplier<Servers> atScanStart, Supplier<Servers> current, Describer describer) {
        this.atScanStart = atScanStart;
        this.current = current == null ? atScanStart : current;
        this.describer = describer;
    }

    /**
     * A scanner over every master of a Redis Cluster, each with a client of its own (see
     * {@link ClusterMasters}). A cluster refuses a script whose keys span hash slots, so the
     * metadata of a page is fetched there by pipelined commands instead, and a key another master
     * owns (an exact key asked of every master) is skipped. Every scan reads the cluster's
     * topology first ({@link ClusterMasters#refresh}), so that after a failover it lists the
     * promoted replica's keys and leaves the dead master out.
     */
    public static KeyScanner forCluster(ClusterMasters masters) {
        return new KeyScanner(() -> {
            masters.refresh();
            return servers(masters.view());
        }, () -> servers(masters.view()), KeyScanner::describePipelined);
    }

    private static Servers servers(ClusterMasters.View view) {
        return new Servers(view.clients(), view.masters().stream().map(m -> "node " + m.address()).toList(),
                view::ownerOf);
    }

    /**
     * Starts a scan with type, TTL and size in the background; the listener hears each page and a
     * final empty page with {@code done}.
     */
    public KeyScan start(ScanRequest request, KeyPageListener listener) {
        return start(request, KeyDetail.FULL, listener);
    }

    /** Starts a scan telling {@code detail} about each key. */
    public KeyScan start(ScanRequest request, KeyDetail detail, KeyPageListener listener) {
        return start(request, listener, detail, scan -> { });
    }

    /**
     * Starts a scan of key names alone (no metadata fetched; type {@code null}, TTL and size
     * {@code -1}), for counting and evicting; {@code onEnd} runs after the final page, before
     * {@link KeyScan#await} returns.
     */
    public KeyScan startNames(ScanRequest request, KeyPageListener listener, Consumer<KeyScan> onEnd) {
        return start(request, listener, KeyDetail.NAMES, onEnd);
    }

    private KeyScan start(ScanRequest request, KeyPageListener listener, KeyDetail detail, Consumer<KeyScan> onEnd) {
        Servers servers = atScanStart.get();
        KeyScan scan = new KeyScan(servers.masters(), servers.names(), describer, request, listener, detail, onEnd,
                ClusterDownRetry.STANDARD);
        scan.start();
        return scan;
    }

    /** Runs a scan with type, TTL and size to its end (or its limit) and returns the final progress. */
    public ScanProgress scan(ScanRequest request, KeyPageListener listener) {
        return start(request, listener).await();
    }

    /**
     * MEMORY USAGE of each key, in order ({@code -1} for a key that is gone), pipelined: for the
     * rows a browser shows of a listing made without sizes. On a cluster each master is asked
     * about the keys of its own slots only.
     */
    public long[] sizes(List<byte[]> keys) {
        long[] sizes = new long[keys.size()];
        Arrays.fill(sizes, -1);
        Servers servers = current.get();
        List<JedisPooled> masters = servers.masters();
        int[] owners = keys.stream().mapToInt(servers.owner()).toArray();
        for (int m = 0; m < masters.size(); m++) {
            List<Integer> own = new ArrayList<>();
            for (int i = 0; i < owners.length; i++) {
                if (owners[i] == m) {
                    own.add(i);
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            List<Response<Long>> answers = new ArrayList<>(own.size());
            try (Pipeline pipeline = masters.get(m).pipelined()) {
                for (int i : own) {
                    answers.add(pipeline.memoryUsage(keys.get(i)));
                }
                pipeline.sync();
            }
            for (int k = 0; k < own.size(); k++) {
                try {
                    Long size = answers.get(k).get();
                    if (size != null) {
                        sizes[own.get(k)] = size;
                    }
                } catch (JedisMovedDataException e) {
                    // the slot moved to another master since CLUSTER NODES was read: size unknown
                }
            }
        }
        return sizes;
    }

    /**
     * The metadata of a page of keys in one call: a script answering TYPE, PTTL and (with
     * {@code sizes}) MEMORY USAGE for every key of the page as one flat array of integers. Against
     * three pipelined commands a key, the server parses and answers one command a page, which is
     * most of the cost of a listing. Keys that vanished since the SCAN are left out.
     */
    static List<KeyInfo> describe(JedisPooled node, List<byte[]> keys, boolean sizes) {
        MetadataScript script = sizes ? MetadataScript.FULL : MetadataScript.TYPE_TTL;
        List<?> values = (List<?>) script.run(node, keys);
        int stride = script.stride();
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int type = (int) (long) (Long) values.get(stride * i);
            long ttl = (Long) values.get(stride * i + 1);
            if (type == 0 || ttl == -2) {
                continue;
            }
            long size = sizes ? (Long) values.get(stride * i + 2) : KeyInfo.SIZE_NOT_FETCHED;
            infos.add(new KeyInfo(keys.get(i), MetadataScript.typeName(type), ttl, size));
        }
        return infos;
    }

    /** TYPE + PTTL (+ MEMORY USAGE) pipelined per key; keys gone or owned by another master are left out. */
    static List<KeyInfo> describePipelined(JedisPooled node, List<byte[]> keys, boolean withSizes) {
        List<Response<String>> types = new ArrayList<>(keys.size());
        List<Response<Long>> ttls = new ArrayList<>(keys.size());
        List<Response<Long>> sizes = new ArrayList<>(keys.size());
        try (Pipeline pipeline = node.pipelined()) {
            for (byte[] key : keys) {
                types.add(pipeline.type(key));
                ttls.add(pipeline.pttl(key));
                if (withSizes) {
                    sizes.add(pipeline.memoryUsage(key));
                }
            }
            pipeline.sync();
        }
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                String type = types.get(i).get();
                long ttl = ttls.get(i).get();
                if (!"none".equals(type) && ttl != -2) {
                    Long size = withSizes ? sizes.get(i).get() : Long.valueOf(KeyInfo.SIZE_NOT_FETCHED);
                    infos.add(new KeyInfo(keys.get(i), type.intern(), ttl, size == null ? -1 : size));
                }
            } catch (JedisMovedDataException e) {
                // another master owns this key's slot
            }
        }
        return infos;
    }

    static List<KeyInfo> names(List<byte[]> keys) {
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            infos.add(new KeyInfo(key, null, -1, -1));
        }
        return infos;
    }

    static byte[] patternBytes(String pattern) {
        return pattern.getBytes(StandardCharsets.UTF_8);
    }
}
