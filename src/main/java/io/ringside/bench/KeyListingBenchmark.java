package io.ringside.bench;

import io.ringside.core.Executables;
import io.ringside.core.RingsideException;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.KeyDetail;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyScanner;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code bench keys}: the key browser's listing (names, type and TTL through {@link KeyScanner},
 * kept in memory as the table would keep them) and the full listing with sizes against {@code redis-cli --scan} and a bare Jedis
 * SCAN COUNT 1000 loop of names, on a keyspace seeded in a database of its own (mixed types, 30 %
 * with a TTL) that must be empty at the start and is flushed at the end, so no one's keys are
 * touched or counted.
 */
public final class KeyListingBenchmark {

    /**
     * Figures of one run, all times in milliseconds (medians of the rounds); {@code browserMs} is
     * the browser's listing (type and TTL, sizes asked for the visible rows only), {@code fullMs}
     * the listing with sizes that {@code keys} prints; {@code redisCliMs} is empty when it was
     * skipped.
     */
    public record Result(long keys, long seedMs, double browserMs, double fullMs, double bareScanMs,
                         ServerCpu serverCpu, Optional<Double> redisCliMs, String redisCliNote, double firstRowsMs, long rssAfterListingBytes) {

        public double browserToBareScan() {
            return browserMs / bareScanMs;
        }

        public double fullToBareScan() {
            return fullMs / bareScanMs;
        }

        public Optional<Double> browserToRedisCli() {
            return redisCliMs.map(cli -> browserMs / cli);
        }

        public Optional<Double> fullToRedisCli() {
            return redisCliMs.map(cli -> fullMs / cli);
        }
    }

    /**
     * CPU time of the Redis server's main thread (INFO cpu) during each listing, in milliseconds:
     * Redis runs every command on that one thread, so these ratios say what the server must do
     * whatever else runs on the machine, where wall times under load also measure the wait for a core.
     */
    public record ServerCpu(double browserMs, double fullMs, double bareScanMs) {

        public double browserToBareScan() {
            return browserMs / bareScanMs;
        }

        public double fullToBareScan() {
            return fullMs / bareScanMs;
        }
    }

    static final int FIRST_ROWS = 1000;
    private static final long TTL_MS = 3_600_000;

    private final String host;
    private final int port;
    private final int database;

    public KeyListingBenchmark(String host, int port, int database) {
        this.host = host;
        this.port = port;
        this.database = database;
    }

    public Result run(long keys, int rounds, Consumer<String> progress) {
        return run(keys, rounds, progress, redis -> { });
    }

    /**
     * As {@link #run(long, int, Consumer)}, with {@code onSeeded} given the seeded database before
     * the rounds (the console's own figures are taken there, before the rounds' rows have grown
     * this process's heap).
     */
    public Result run(long keys, int rounds, Consumer<String> progress, Consumer<JedisPooled> onSeeded) {
        try (JedisPooled redis = new JedisPooled(new HostAndPort(host, port), DefaultJedisClientConfig.builder()
                .database(database).socketTimeoutMillis(60_000).build())) {
            long existing = redis.dbSize();
            if (existing > 0) {
                throw new RingsideException("Redis database " + database + " at " + host + ":" + port + " holds "
                        + existing + " keys; the benchmark needs an empty database (choose another with --db)");
            }
            try {
                long started = System.nanoTime();
                seed(redis, keys, progress);
                long seedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                progress.accept("seeded " + keys + " keys in " + seedMs + " ms");
                onSeeded.accept(redis);
                double[] browser = new double[rounds];
                double[] full = new double[rounds];
                double[] bare = new double[rounds];
                double[][] cpu = new double[3][rounds];
                double[] cli = new double[rounds];
                double[] first = new double[rounds];
                long rss = 0;
                String cliNote = "";
                boolean cliSkipped = false;
                for (int round = 0; round < rounds; round++) {
                    double cpuBefore = serverCpuMs(redis);
                    bare[round] = bareScan(redis, keys);
                    double cpuAfterBare = serverCpuMs(redis);
                    full[round] = listing(redis, keys, KeyDetail.FULL).ms();
                    double cpuAfterFull = serverCpuMs(redis);
                    Listing run = listing(redis, keys, KeyDetail.TYPE_TTL);
                    double cpuAfterBrowser = serverCpuMs(redis);
                    cpu[0][round] = cpuAfterBrowser - cpuAfterFull;
                    cpu[1][round] = cpuAfterFull - cpuAfterBare;
                    cpu[2][round] = cpuAfterBare - cpuBefore;
                    browser[round] = run.ms();
                    first[round] = run.firstRowsMs();
                    rss = Math.max(rss, run.rssBytes());
                    if (!cliSkipped) {
                        Optional<Double> ms = redisCli(keys);
                        if (ms.isPresent()) {
                            cli[round] = ms.get();
                        } else {
                            cliSkipped = true;
                            cliNote = "skipped: redis-cli not found";
                        }
                    }
                    progress.accept(String.format(Locale.ROOT,
                            "round %d: browser listing %.0f ms (Redis CPU %.0f ms), with sizes %.0f ms (%.0f ms), "
                                    + "bare SCAN %.0f ms (%.0f ms)%s", round + 1, browser[round], cpu[0][round],
                            full[round], cpu[1][round], bare[round], cpu[2][round],
                            cliSkipped ? "" : String.format(Locale.ROOT, ", redis-cli %.0f ms", cli[round])));
                }
                return new Result(keys, seedMs, median(browser), median(full), median(bare),
                        new ServerCpu(median(cpu[0]), median(cpu[1]), median(cpu[2])),
                        cliSkipped ? Optional.empty() : Optional.of(median(cli)), cliNote, median(first), rss);
            } finally {
                redis.flushDB();
            }
        }
    }

    private record Listing(double ms, double firstRowsMs, long rssBytes) {
    }

    private static Listing listing(JedisPooled redis, long expected, KeyDetail detail) {
        List<KeyInfo> table = new ArrayList<>();
        long[] firstRowsAt = {0};
        long started = System.nanoTime();
        ScanProgress progress = new KeyScanner(redis).start(ScanRequest.all(), detail, (page, p) -> {
            table.addAll(page);
            if (firstRowsAt[0] == 0 && table.size() >= FIRST_ROWS) {
                firstRowsAt[0] = System.nanoTime();
            }
        }).await();
        long ended = System.nanoTime();
        if (progress.listed() != expected) {
            throw new RingsideException("The listing found " + progress.listed() + " keys, expected " + expected);
        }
        long rss = rssBytes();
        table.clear();
        return new Listing((ended - started) / 1e6, (firstRowsAt[0] - started) / 1e6, rss);
    }

    private static double bareScan(JedisPooled redis, long expected) {
        ScanParams params = new ScanParams().count(ScanRequest.DEFAULT_COUNT);
        long started = System.nanoTime();
        long names = 0;
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            ScanResult<byte[]> result = redis.scan(cursor, params);
            names += result.getResult().size();
            cursor = result.getCursorAsBytes();
        } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        double ms = (System.nanoTime() - started) / 1e6;
        if (names < expected) {
            throw new RingsideException("The bare SCAN loop found " + names + " keys, expected " + expected);
        }
        return ms;
    }

    private Optional<Double> redisCli(long expected) {
        Optional<Path> cli = Executables.onPath("redis-cli");
        if (cli.isEmpty()) {
            return Optional.empty();
        }
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(cli.get().toString(), "-h", host, "-p", String.valueOf(port),
                    "-n", String.valueOf(database), "--scan").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = process.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            int exit = process.waitFor();
            double ms = (System.nanoTime() - started) / 1e6;
            if (exit != 0 || lines < expected) {
                throw new RingsideException("redis-cli --scan exited " + exit + " after " + lines + " keys");
            }
            return Optional.of(ms);
        } catch (IOException e) {
            throw new RingsideException("Cannot run " + cli.get() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while running redis-cli");
        }
    }

    /** 60 % strings, 10 % each hashes, lists, sets and sorted sets; every key whose index ends in 0-2 has a TTL. */
    static void seed(JedisPooled redis, long keys, Consumer<String> progress) {
        int batch = 5000;
        for (long from = 0; from < keys; from += batch) {
            try (Pipeline pipeline = redis.pipelined()) {
                for (long i = from; i < Math.min(keys, from + batch); i++) {
                    byte[] key = ("bench:" + (i % 97) + ":" + i).getBytes(StandardCharsets.US_ASCII);
                    byte[] value = ("value-" + i).getBytes(StandardCharsets.US_ASCII);
                    switch ((int) ((i / 10) % 10)) {
                        case 0, 1, 2, 3, 4, 5 -> pipeline.set(key, value);
                        case 6 -> pipeline.hset(key, "f".getBytes(StandardCharsets.US_ASCII), value);
                        case 7 -> pipeline.rpush(key, value, value);
                        case 8 -> pipeline.sadd(key, value);
                        default -> pipeline.zadd(key, i, value);
                    }
                    if (i % 10 < 3) {
                        pipeline.pexpire(key, TTL_MS);
                    }
                }
                pipeline.sync();
            }
            if ((from / batch) % 40 == 0) {
                progress.accept("seeding " + from + "/" + keys);
            }
        }
    }

    /** CPU milliseconds of the server's main thread so far (all threads on a server that does not say). */
    static double serverCpuMs(JedisPooled redis) {
        return InfoSnapshot.parse(Instant.now(), redis.info("cpu")).mainThreadCpuSeconds() * 1000;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The resident set size of this process, from {@code /proc/self/status}; 0 where there is none. */
    public static long rssBytes() {
        return io.ringside.core.stack.ProcessMemory.residentBytesOfSelf();
    }
}
