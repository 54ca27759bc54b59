package io.ringside.ui.cache;

/**
 * Stable sorts of row indices for a million-row table on the FX thread, neither of which boxes an
 * index or builds a row: the JDK sorts an {@code int[]} only by value. {@link #byKeys} is a radix
 * sort of the indices by a 64-bit key each (unsigned), some ten times faster than comparing rows
 * through their columns, whose reads miss the cache on every comparison; {@link #sort} is a merge
 * sort by a comparator, for what no key of 64 bits orders (runs of keys equal in their first bytes).
 */
final class IndexSort {

    /** Compares two row indices. */
    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION_RUN = 24;

    private final long[] keyScratch;
    private final int[] indexScratch;

    /** Scratch room for sorting up to {@code rows} indices. */
    IndexSort(int rows) {
        keyScratch = new long[rows];
        indexScratch = new int[rows];
    }

    /**
     * Sorts {@code indices[from, to)} together with their {@code keys[from, to)} by the keys taken
     * as unsigned, keeping the given order of equal keys. Bytes that every key of the range shares
     * cost no pass.
     */
    void byKeys(long[] keys, int[] indices, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int[][] counts = new int[8][256];
        for (int i = from; i < to; i++) {
            long key = keys[i];
            for (int b = 0; b < 8; b++) {
                counts[b][(int) (key >>> (8 * b)) & 0xff]++;
            }
        }
        long[] keysIn = keys;
        int[] indicesIn = indices;
        long[] keysOut = keyScratch;
        int[] indicesOut = indexScratch;
        int rows = to - from;
        for (int b = 0; b < 8; b++) {
            int[] count = counts[b];
            if (count[(int) (keys[from] >>> (8 * b)) & 0xff] == rows) {
                continue;
            }
            int next = from;
            for (int digit = 0; digit < 256; digit++) {
                int n = count[digit];
                count[digit] = next;
                next += n;
            }
            int shift = 8 * b;
            for (int i = from; i < to; i++) {
                long key = keysIn[i];
                int at = count[(int) (key >>> shift) & 0xff]++;
                keysOut[at] = key;
                indicesOut[at] = indicesIn[i];
            }
            long[] k = keysIn;
            keysIn = keysOut;
            keysOut = k;
            int[] x = indicesIn;
            indicesIn = indicesOut;
            indicesOut = x;
        }
        if (keysIn != keys) {
            System.arraycopy(keysIn, from, keys, from, rows);
            System.arraycopy(indicesIn, from, indices, from, rows);
        }
    }

    /** Sorts {@code indices[from, to)} by {@code comparator}, keeping the given order of equal ones. */
    void sort(int[] indices, int from, int to, IndexComparator comparator) {
        System.arraycopy(indices, from, indexScratch, from, to - from);
        sort(indexScratch, indices, from, to, comparator);
    }

    /** Sorts {@code into[from, to)}; {@code src} holds the same indices there on entry and is scratch. */
    private static void sort(int[] src, int[] into, int from, int to, IndexComparator comparator) {
        if (to - from <= INSERTION_RUN) {
            insertionSort(into, from, to, comparator);
            return;
        }
        int middle = (from + to) >>> 1;
        sort(into, src, from, middle, comparator);
        sort(into, src, middle, to, comparator);
        if (comparator.compare(src[middle - 1], src[middle]) <= 0) {
            System.arraycopy(src, from, into, from, to - from);
            return;
        }
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle && comparator.compare(src[left], src[right]) <= 0) {
                into[i] = src[left++];
            } else {
                into[i] = src[right++];
            }
        }
    }

    private static void insertionSort(int[] a, int from, int to, IndexComparator comparator) {
        for (int i = from + 1; i < to; i++) {
            int value = a[i];
            int j = i - 1;
            while (j >= from && comparator.compare(a[j], value) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }
}
