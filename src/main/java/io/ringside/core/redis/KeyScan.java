package io.ringside.core.redis;

import io.ringside.core.NamedThreads;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One running scan: a scanner thread walks the SCAN cursor of each master and queues the pages
 * (a few at most, so a paused or slow listener holds back the scan rather than filling memory),
 * fetcher threads describe them and deliver them to the listener one at a time. Pause holds both
 * sides at the next page; stop ends the scan after the page in hand.
 */
public final class KeyScan {

    private static final Page END = new Page(null, List.of());

    private record Page(JedisPooled node, List<byte[]> keys) {
    }

    private final List<JedisPooled> masters;
    private final ScanRequest request;
    private final KeyPageListener listener;
    private final BlockingQueue<Page> pages = new ArrayBlockingQueue<>(4);
    private final AtomicLong examined = new AtomicLong();
    private final AtomicLong listed = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch fetchersDone = new CountDownLatch(KeyScanner.FETCHERS);
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile long dbSize;

    private final KeyDetail detail;
    private final Consumer<KeyScan> onEnd;
    private volatile boolean ended;

    private final KeyScanner.Describer describer;
    private final ClusterDownRetry retry;
    private final Map<JedisPooled, String> names = new IdentityHashMap<>();

    KeyScan(List<JedisPooled> masters, KeyScanner.Describer describer, ScanRequest request, KeyPageListener listener,
            KeyDetail detail, Consumer<KeyScan> onEnd) {
        this(masters, describer, request, listener, detail, onEnd, ClusterDownRetry.STANDARD);
    }

    KeyScan(List<JedisPooled> masters, KeyScanner.Describer describer, ScanRequest request, KeyPageListener listener,
            KeyDetail detail, Consumer<KeyScan> onEnd, ClusterDownRetry retry) {
        this(masters, masters.stream().map(m -> "server").toList(), describer, request, listener, detail,
                onEnd, retry);
    }

    /** @param names each master's name for errors, in the order of {@code masters} ("node 127.0.0.1:7001", "server") */
    KeyScan(List<JedisPooled> masters, List<String> names, KeyScanner.Describer describer, ScanRequest request,
            KeyPageListener listener, KeyDetail detail, Consumer<KeyScan> onEnd, ClusterDownRetry retry) {
        this.masters = masters;
        for (int i = 0; i < masters.size(); i++) {
            this.names.put(masters.get(i), names.get(i));
        }
        this.retry = retry;
        this.describer = describer;
        this.request = request;
        this.listener = listener;
        this.detail = detail;
        this.onEnd = onEnd;
    }

    void start() {
        Thread scanner = NamedThreads.daemon("key-scan", this::runScanner);
        scanner.start();
        for (int i = 0; i < KeyScanner.FETCHERS; i++) {
            Thread fetcher = NamedThreads.daemon("key-scan-fetch-" + i, this::runFetcher);
            fetcher.start();
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean paused() {
        return paused;
    }

    /** Ends the scan after the page in hand; the listener still gets the final {@code done} page. */
    public void stop() {
        stopped = true;
        resume();
    }

    public boolean stopped() {
        return stopped;
    }

    public ScanProgress progress() {
        return progress(ended);
    }

    private ScanProgress progress(boolean done) {
        long seen = examined.get();
        return new ScanProgress(dbSize > 0 ? Math.min(seen, dbSize) : seen, listed.get(), dbSize, done);
    }

    /** What made the scan fail, if it did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Waits for the end of the scan; rethrows what made it fail. */
    public ScanProgress await() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new RingsideException("Interrupted while scanning Redis keys");
        }
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        return progress();
    }

    /** Waits at most {@code timeout}; true when the scan ended. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runScanner() {
        try {
            long size = 0;
            for (JedisPooled node : masters) {
                size += retry.call(names.get(node), node::dbSize);
            }
            dbSize = size;
            if (request.exactKey()) {
                byte[] key = KeyScanner.patternBytes(request.pattern());
                for (JedisPooled node : masters) {
                    enqueue(new Page(node, List.of(key)));
                }
            } else {
                for (JedisPooled node : masters) {
                    scanNode(node);
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            endFetchers();
        }
    }

    private void scanNode(JedisPooled node) {
        ScanParams params = new ScanParams().count(request.count());
        boolean filtered = !"*".equals(request.pattern()) || request.type() != null;
        if (!"*".equals(request.pattern())) {
            params.match(KeyScanner.patternBytes(request.pattern()));
        }
        byte[] type = request.type() == null ? null : request.type().getBytes(StandardCharsets.US_ASCII);
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            if (!awaitRunning()) {
                return;
            }
            byte[] at = cursor;
            ScanResult<byte[]> result = retry.call(names.get(node),
                    () -> type == null ? node.scan(at, params) : node.scan(at, params, type));
            List<byte[]> keys = result.getResult();
            examined.addAndGet(filtered ? Math.max(keys.size(), request.count()) : keys.size());
            if (!keys.isEmpty() && !enqueue(new Page(node, keys))) {
                return;
            }
            cursor = result.getCursorAsBytes();
        } while (!isStart(cursor));
    }

    private static boolean isStart(byte[] cursor) {
        return cursor.length == 1 && cursor[0] == '0';
    }

    private boolean enqueue(Page page) {
        try {
            while (!stopped) {
                if (pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return false;
        }
    }

    private void endFetchers() {
        for (int i = 0; i < KeyScanner.FETCHERS; i++) {
            try {
                while (!pages.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        pages.clear();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runFetcher() {
        try {
            while (true) {
                Page page = pages.take();
                if (page == END) {
                    return;
                }
                if (stopped || !awaitRunning()) {
                    continue;
                }
                deliver(request.exactKey() ? lookUp(page) : detail == KeyDetail.NAMES
                        ? KeyScanner.names(page.keys()) : describe(page));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            fetchersDone.countDown();
            if (fetchersDone.getCount() == 0) {
                finish();
            }
        }
    }

    /** The exact key of the request, if it exists (and has the requested type). */
    private List<KeyInfo> lookUp(Page page) {
        examined.incrementAndGet();
        List<KeyInfo> infos = describe(page);
        infos = infos.stream().filter(k -> request.type() == null || request.type().equals(k.type())).toList();
        return detail == KeyDetail.NAMES ? KeyScanner.names(infos.stream().map(KeyInfo::key).toList()) : infos;
    }

    /** Type, TTL (and size) of a page's keys, asked again while a node still holds the cluster down. */
    private List<KeyInfo> describe(Page page) {
        return retry.call(names.get(page.node()), () -> describer.describe(page.node(), page.keys(), sizes()));
    }

    private boolean sizes() {
        return detail == KeyDetail.FULL;
    }

    private synchronized void deliver(List<KeyInfo> infos) {
        if (stopped || infos.isEmpty()) {
            return;
        }
        long limit = request.limit();
        if (limit > 0) {
            long room = limit - listed.get();
            if (room <= 0) {
                return;
            }
            if (infos.size() >= room) {
                infos = infos.subList(0, (int) room);
                stopped = true;
            }
        }
        listed.addAndGet(infos.size());
        listener.page(infos, progress(false));
    }

    private synchronized void finish() {
        if (failure.get() == null && !stopped && !request.exactKey()) {
            examined.set(Math.max(examined.get(), dbSize));
        }
        ended = true;
        try {
            listener.page(List.of(), progress(true));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            try {
                onEnd.accept(this);
            } finally {
                finished.countDown();
            }
        }
    }

    private boolean awaitRunning() {
        if (!paused) {
            return !stopped;
        }
        synchronized (pauseLock) {
            while (paused && !stopped) {
                try {
                    pauseLock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
        return !stopped;
    }

    private void fail(RuntimeException e) {
        RuntimeException mapped = e instanceof JedisConnectionException
                ? new BackendUnavailableException("Redis is unreachable: " + e.getMessage(), e)
                : e instanceof RingsideException ? e : new RingsideException("Redis key scan failed: " + e.getMessage(), e);
        failure.compareAndSet(null, mapped);
        stopped = true;
        resume();
    }
}
