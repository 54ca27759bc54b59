package io.ringside.core.redis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Top-N keys and namespaces by MEMORY USAGE, from a full scan or from a sample (the first keys of
 * the scan, which Redis hands out in hash order, so effectively random). Memory stays bounded: a
 * heap of N keys and one counter per namespace.
 */
public final class MemoryAnalysis {

    private final KeyScanner scanner;

    public MemoryAnalysis(KeyScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * @param sample   look at this many keys at most; {@code 0} for all of them
     * @param progress hears the scan's progress after each page
     */
    public MemoryReport analyse(String pattern, int top, long sample, Consumer<ScanProgress> progress) {
        PriorityQueue<KeyInfo> largest = new PriorityQueue<>(Comparator.comparingLong(KeyInfo::bytes));
        Map<String, long[]> namespaces = new HashMap<>();
        long[] total = {0};
        ScanProgress end = scanner.scan(ScanRequest.of(pattern, null, sample), (page, p) -> {
            for (KeyInfo key : page) {
                long bytes = Math.max(0, key.bytes());
                total[0] += bytes;
                largest.add(key);
                if (largest.size() > top) {
                    largest.poll();
                }
                long[] ns = namespaces.computeIfAbsent(namespace(key.key()), n -> new long[2]);
                ns[0]++;
                ns[1] += bytes;
            }
            progress.accept(p);
        });
        List<KeyInfo> topKeys = new ArrayList<>(largest);
        topKeys.sort(Comparator.comparingLong(KeyInfo::bytes).reversed());
        List<MemoryReport.Namespace> topNamespaces = namespaces.entrySet().stream()
                .map(e -> new MemoryReport.Namespace(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(MemoryReport.Namespace::bytes).reversed())
                .limit(top)
                .toList();
        return new MemoryReport(topKeys, topNamespaces, end.listed(), total[0], end.dbSize(),
                sample > 0 && end.listed() >= sample);
    }

    /** The part of a key before its first {@code :} (escaped), or the whole key without one. */
    static String namespace(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == ':') {
                return KeyText.escape(java.util.Arrays.copyOf(key, i));
            }
        }
        return KeyText.escape(key);
    }
}
