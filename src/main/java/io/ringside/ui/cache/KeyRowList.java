package io.ringside.ui.cache;

import io.ringside.core.redis.KeyInfo;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javafx.collections.ListChangeListener;
import javafx.collections.ModifiableObservableListBase;

/**
 * The key browser's rows, held column by column in chunks of {@link #CHUNK_ROWS} rows: each chunk
 * keeps its keys' bytes end to end in one array and their types, expiries and sizes in arrays of
 * their own. A million {@link KeyRow} objects with their key arrays are two million small objects,
 * some 85 MB that the collector traces and copies while a listing streams in; here a row is some
 * forty-five bytes (about 50 MB for the million rows the browser keeps). The chunks have a fixed
 * number of rows, so a growing table never copies its columns into arrays twice their size: such
 * arrays, tens of megabytes each, were allocated straight into the old generation, and each one
 * cost the serial collector a full collection while the table filled. {@link #get} builds the row
 * a cell asks for, rows are equal by content, and a listing's batches are appended as one change,
 * their chunks taken over as they are.
 */
final class KeyRowList extends ModifiableObservableListBase<KeyRow> {

    /**
     * Rows per chunk: its arrays are some 370 KB together (keys about 190 KB, ends 32 KB, expiries
     * and sizes 64 KB each, types 16 KB). They are allocated like any other array, in the young
     * generation, and promoted after a collection or two: the console no longer pretenures large
     * arrays ({@code -XX:PretenureSizeThreshold}), since that also sent every Kafka fetch response
     * to the old generation, and {@code bench keys} measured the Cache page the same without it.
     */
    static final int CHUNK_ROWS = 8192;

    private static final int KEY_BYTES_GUESS = 24;

    /** Pages smaller than this are copied into the last chunk rather than kept as chunks of their own. */
    static final int ADOPTED_PAGE_ROWS = 256;

    /** Type names by code, shared by every list so a page's chunks need no translation; copied on write. */
    private static volatile String[] typeNames = {""};
    private static final Map<String, Integer> TYPE_CODES = new ConcurrentHashMap<>();
    private final int firstCapacity;
    private final ArrayList<Chunk> chunks = new ArrayList<>();
    /** {@code starts[c]} is the index of the first row of chunk {@code c}. */
    private int[] starts = new int[16];
    private int size;

    KeyRowList() {
        this(CHUNK_ROWS);
    }

    /** An empty list whose first chunk has room for {@code rows} rows, e.g. one SCAN page. */
    KeyRowList(int rows) {
        firstCapacity = Math.min(Math.max(rows, 16), CHUNK_ROWS);
    }

    /** Up to a fixed number of rows; its key bytes grow inside it. */
    private static final class Chunk {
        final int[] keyEnds;
        final short[] types;
        final long[] expiries;
        final long[] sizes;
        byte[] keys;
        int keysUsed;
        int size;

        Chunk(int rows, int keyBytes) {
            keys = new byte[keyBytes];
            keyEnds = new int[rows];
            types = new short[rows];
            expiries = new long[rows];
            sizes = new long[rows];
        }

        boolean full() {
            return size == keyEnds.length;
        }

        int keyStart(int index) {
            return index == 0 ? 0 : keyEnds[index - 1];
        }

        void ensureKeyBytes(int more) {
            if (keysUsed + more > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(keysUsed + more, keys.length * 2));
            }
        }

        /** Appends row {@code index} of {@code source}, which has room for it. */
        void appendFrom(Chunk source, int index) {
            int start = source.keyStart(index);
            int length = source.keyEnds[index] - start;
            ensureKeyBytes(length);
            System.arraycopy(source.keys, start, keys, keysUsed, length);
            keysUsed += length;
            keyEnds[size] = keysUsed;
            types[size] = source.types[index];
            expiries[size] = source.expiries[index];
            sizes[size] = source.sizes[index];
            size++;
        }

        boolean keyEquals(int index, byte[] key) {
            int start = keyStart(index);
            return Arrays.equals(keys, start, keyEnds[index], key, 0, key.length);
        }

        void insert(int index, byte[] key, short type, long expiresAtMs, long bytes) {
            ensureKeyBytes(key.length);
            int start = keyStart(index);
            if (index < size) {
                System.arraycopy(keys, start, keys, start + key.length, keysUsed - start);
                int after = size - index;
                System.arraycopy(keyEnds, index, keyEnds, index + 1, after);
                System.arraycopy(types, index, types, index + 1, after);
                System.arraycopy(expiries, index, expiries, index + 1, after);
                System.arraycopy(sizes, index, sizes, index + 1, after);
                for (int i = index + 1; i <= size; i++) {
                    keyEnds[i] += key.length;
                }
            }
            System.arraycopy(key, 0, keys, start, key.length);
            keyEnds[index] = start + key.length;
            types[index] = type;
            expiries[index] = expiresAtMs;
            sizes[index] = bytes;
            keysUsed += key.length;
            size++;
        }

        void delete(int index) {
            int start = keyStart(index);
            int length = keyEnds[index] - start;
            System.arraycopy(keys, start + length, keys, start, keysUsed - start - length);
            int after = size - index - 1;
            System.arraycopy(keyEnds, index + 1, keyEnds, index, after);
            System.arraycopy(types, index + 1, types, index, after);
            System.arraycopy(expiries, index + 1, expiries, index, after);
            System.arraycopy(sizes, index + 1, sizes, index, after);
            for (int i = index; i < index + after; i++) {
                keyEnds[i] -= length;
            }
            keysUsed -= length;
            size--;
        }

        /** Keeps the rows whose bit (at {@code first} + row) is clear, in order. */
        void keepClear(BitSet gone, int first) {
            int kept = 0;
            int keyBytes = 0;
            for (int i = 0; i < size; i++) {
                if (gone.get(first + i)) {
                    continue;
                }
                int start = keyStart(i);
                int length = keyEnds[i] - start;
                System.arraycopy(keys, start, keys, keyBytes, length);
                keyBytes += length;
                keyEnds[kept] = keyBytes;
                types[kept] = types[i];
                expiries[kept] = expiries[i];
                sizes[kept] = sizes[i];
                kept++;
            }
            size = kept;
            keysUsed = keyBytes;
        }
    }

    @Override
    public KeyRow get(int index) {
        Objects.checkIndex(index, size);
        int c = chunkOf(chunks, starts, index);
        return row(chunks.get(c), index - starts[c]);
    }

    /** The chunk holding row {@code index} (which must exist). */
    private static int chunkOf(List<Chunk> chunks, int[] starts, int index) {
        int last = chunks.size() - 1;
        if (index >= starts[last]) {
            return last;
        }
        int low = 0;
        int high = last - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private KeyRow row(Chunk c, int index) {
        byte[] key = Arrays.copyOfRange(c.keys, c.keyStart(index), c.keyEnds[index]);
        int type = c.types[index];
        return new KeyRow(key, type == 0 ? null : typeNames[type], c.expiries[index], c.sizes[index]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    protected void doAdd(int index, KeyRow row) {
        Objects.checkIndex(index, size + 1);
        if (index == size) {
            append(row.key(), row.type(), row.expiresAtMs(), row.bytes());
            return;
        }
        int c = chunkOf(chunks, starts, index);
        if (chunks.get(c).full()) {
            split(c);
            c = chunkOf(chunks, starts, index);
        }
        chunks.get(c).insert(index - starts[c], row.key(), (short) codeOf(row.type()), row.expiresAtMs(), row.bytes());
        size++;
        renumberFrom(c);
    }

    /** In place when the key stays (a TTL change); a row of another key is moved in as remove + insert. */
    @Override
    protected KeyRow doSet(int index, KeyRow row) {
        KeyRow old = get(index);
        int c = chunkOf(chunks, starts, index);
        Chunk chunk = chunks.get(c);
        int at = index - starts[c];
        if (chunk.keyEquals(at, row.key())) {
            chunk.types[at] = (short) codeOf(row.type());
            chunk.expiries[at] = row.expiresAtMs();
            chunk.sizes[at] = row.bytes();
        } else {
            chunk.delete(at);
            chunk.insert(at, row.key(), (short) codeOf(row.type()), row.expiresAtMs(), row.bytes());
        }
        return old;
    }

    @Override
    protected KeyRow doRemove(int index) {
        KeyRow old = get(index);
        int c = chunkOf(chunks, starts, index);
        Chunk chunk = chunks.get(c);
        chunk.delete(index - starts[c]);
        size--;
        if (chunk.size == 0) {
            chunks.remove(c);
        }
        renumberFrom(c);
        return old;
    }

    /**
     * Removes the rows at {@code indices} in one pass over the columns, as one change: removing
     * them one by one would shift every later row (and its key bytes) once per removed row.
     */
    void removeRows(BitSet indices) {
        if (indices.isEmpty()) {
            return;
        }
        Objects.checkIndex(indices.length() - 1, size);
        beginChange();
        for (int i = indices.previousSetBit(size - 1); i >= 0; i = indices.previousSetBit(i - 1)) {
            nextRemove(i, get(i));
        }
        for (int c = 0; c < chunks.size(); c++) {
            chunks.get(c).keepClear(indices, starts[c]);
        }
        chunks.removeIf(chunk -> chunk.size == 0);
        size -= indices.cardinality();
        renumberFrom(0);
        modCount++;
        endChange();
    }

    /**
     * Replaces each row at {@code indices} with {@code update} of it, as one change: set one by
     * one, a table hears (and re-lays its selection out for) one change per row.
     */
    void updateRows(BitSet indices, UnaryOperator<KeyRow> update) {
        if (indices.isEmpty()) {
            return;
        }
        beginChange();
        try {
            for (int i = indices.nextSetBit(0); i >= 0; i = indices.nextSetBit(i + 1)) {
                set(i, update.apply(get(i)));
            }
        } finally {
            endChange();
        }
    }

    /**
     * Drops every row at once, telling listeners of one removal whose rows are built only if a
     * listener reads them: the inherited clear removes the rows one by one, and a change built
     * the usual way would make a million {@link KeyRow}s on the FX thread to report them.
     */
    @Override
    public void clear() {
        replaceAll(List.of());
    }

    /**
     * Replaces every row with those of {@code pages} (taken over as by {@link #appendAll}) as one
     * change. A table that goes from its rows to none and then to the new ones empties and
     * re-fills every visible row and its styles twice; replaced in one change, the rows on screen
     * only take their new values.
     */
    void replaceAll(List<KeyRowList> pages) {
        if (size == 0) {
            appendAll(pages);
            return;
        }
        List<Chunk> oldChunks = List.copyOf(chunks);
        int[] oldStarts = starts;
        int oldSize = size;
        chunks.clear();
        starts = new int[16];
        size = 0;
        takeOver(pages);
        modCount++;
        fireChange(new Swapped(this, new AbstractList<>() {
            @Override
            public KeyRow get(int index) {
                Objects.checkIndex(index, oldSize);
                int c = chunkOf(oldChunks, oldStarts, index);
                return row(oldChunks.get(c), index - oldStarts[c]);
            }

            @Override
            public int size() {
                return oldSize;
            }
        }, size));
    }

    /** The one change of {@link #replaceAll}: every row, from index 0, removed, and {@code to} rows added. */
    private static final class Swapped extends ListChangeListener.Change<KeyRow> {
        private final List<KeyRow> removed;
        private final int to;
        private int cursor = -1;

        Swapped(KeyRowList list, List<KeyRow> removed, int to) {
            super(list);
            this.removed = removed;
            this.to = to;
        }

        @Override
        public boolean next() {
            cursor++;
            return cursor == 0;
        }

        @Override
        public void reset() {
            cursor = -1;
        }

        @Override
        public int getFrom() {
            onChange();
            return 0;
        }

        @Override
        public int getTo() {
            onChange();
            return to;
        }

        @Override
        public List<KeyRow> getRemoved() {
            onChange();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            onChange();
            return new int[0];
        }

        private void onChange() {
            if (cursor != 0) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
            }
        }
    }

    /**
     * Appends a row without telling listeners: for filling a list nobody observes yet, such as a
     * page of rows made ready on the scan's thread for {@link #appendAll}.
     */
    void append(byte[] key, String type, long expiresAtMs, long bytes) {
        Chunk c = lastWithRoom();
        c.insert(c.size, key, (short) codeOf(type), expiresAtMs, bytes);
        size++;
    }

    /**
     * Appends the rows of {@code pages} as one change, taking their chunks over: a page of a scan
     * becomes a chunk of the table as it is (small pages are copied into the last chunk), so the
     * FX thread neither copies rows nor allocates columns. The pages are left empty.
     */
    void appendAll(List<KeyRowList> pages) {
        int from = size;
        takeOver(pages);
        if (size == from) {
            return;
        }
        modCount++;
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    private void takeOver(List<KeyRowList> pages) {
        for (KeyRowList page : pages) {
            for (Chunk p : page.chunks) {
                if (p.size >= ADOPTED_PAGE_ROWS) {
                    adopt(p);
                } else {
                    copy(p);
                }
            }
            page.chunks.clear();
            page.size = 0;
        }
    }

    private void adopt(Chunk p) {
        addLast(p);
        size += p.size;
    }

    /** Adds a chunk after the last, its first row the next index. */
    private void addLast(Chunk chunk) {
        chunks.add(chunk);
        if (starts.length < chunks.size()) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[chunks.size() - 1] = size;
    }

    private void copy(Chunk p) {
        for (int done = 0; done < p.size; ) {
            Chunk c = lastWithRoom();
            int rows = Math.min(p.size - done, c.keyEnds.length - c.size);
            int keyFrom = p.keyStart(done);
            int keyBytes = p.keyEnds[done + rows - 1] - keyFrom;
            c.ensureKeyBytes(keyBytes);
            System.arraycopy(p.keys, keyFrom, c.keys, c.keysUsed, keyBytes);
            int shift = c.keysUsed - keyFrom;
            for (int i = 0; i < rows; i++) {
                c.keyEnds[c.size + i] = p.keyEnds[done + i] + shift;
            }
            System.arraycopy(p.types, done, c.types, c.size, rows);
            System.arraycopy(p.expiries, done, c.expiries, c.size, rows);
            System.arraycopy(p.sizes, done, c.sizes, c.size, rows);
            c.keysUsed += keyBytes;
            c.size += rows;
            size += rows;
            done += rows;
        }
    }

    /** Compares in place: the inherited search would build every row it passes. */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof KeyRow row)) {
            return -1;
        }
        byte[] key = row.key();
        int type = codeOf(row.type());
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            for (int i = 0; i < chunk.size; i++) {
                if (chunk.types[i] == type && chunk.expiries[i] == row.expiresAtMs() && chunk.sizes[i] == row.bytes()
                        && chunk.keyEquals(i, key)) {
                    return starts[c] + i;
                }
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /**
     * The indices of the rows whose key is one of {@code keys} (each a {@link ByteBuffer#wrap} of
     * a key), found in one pass over the columns: looking each key up with {@link #indexOf} is a
     * pass per key, 10^10 byte comparisons on the FX thread for a selection of 10,000 rows of a
     * million. A key listed twice (SCAN may return a key more than once) yields both rows.
     */
    BitSet indicesOf(Set<ByteBuffer> keys) {
        BitSet found = new BitSet();
        if (keys.isEmpty()) {
            return found;
        }
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            ByteBuffer key = ByteBuffer.wrap(chunk.keys);
            for (int i = 0; i < chunk.size; i++) {
                key.limit(chunk.keyEnds[i]).position(chunk.keyStart(i));
                if (keys.contains(key)) {
                    found.set(starts[c] + i);
                }
            }
        }
        return found;
    }

    /**
     * Sorts the rows by {@code order} (see {@link RowOrder}) and tells listeners of one
     * permutation, so a table keeps its selection on the same rows. The order is worked out on an
     * {@code int[]} of row indices, radix-sorted by a 64-bit key per row and column (the last
     * column of the order first, each sort stable), then the chunks are rebuilt in that order: no
     * {@link KeyRow} is built. A size not in the rows (asked for after the scan) is taken from
     * {@code laterSizes}, keyed like {@link #indicesOf}.
     */
    void sortBy(List<RowOrder> order, Map<ByteBuffer, Long> laterSizes) {
        if (size < 2 || order.isEmpty()) {
            return;
        }
        RowColumns columns = new RowColumns(this);
        int[] sorted = new int[size];
        Arrays.setAll(sorted, i -> i);
        long[] keys = new long[size];
        IndexSort sort = new IndexSort(size);
        for (int o = order.size() - 1; o >= 0; o--) {
            RowOrder by = order.get(o);
            if (by.column() == RowOrder.Column.KEY) {
                columns.sortByKey(sort, sorted, keys, by.ascending());
            } else {
                long[] byRow = columns.sortKeys(by, laterSizes);
                for (int i = 0; i < size; i++) {
                    keys[i] = byRow[sorted[i]];
                }
                sort.byKeys(keys, sorted, 0, size);
            }
        }
        int[] permutation = new int[size];
        boolean moved = false;
        for (int to = 0; to < size; to++) {
            permutation[sorted[to]] = to;
            moved |= sorted[to] != to;
        }
        if (!moved) {
            return;
        }
        rebuild(columns, sorted);
        modCount++;
        beginChange();
        nextPermutation(0, size, permutation);
        endChange();
    }

    /**
     * Replaces the chunks with full ones holding the rows in the order of {@code sorted} (old
     * indices), column by column: the reads of a sorted table's rows jump about the old chunks,
     * and simple loops over one column overlap those cache misses where a row-by-row copy waits
     * for each.
     */
    private void rebuild(RowColumns columns, int[] sorted) {
        Chunk[] old = chunks.toArray(new Chunk[0]);
        List<Chunk> rebuilt = new ArrayList<>(size / CHUNK_ROWS + 1);
        int[] fromChunk = new int[CHUNK_ROWS];
        int[] fromAt = new int[CHUNK_ROWS];
        for (int first = 0; first < size; first += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, size - first);
            long keyBytes = 0;
            for (int i = 0; i < rows; i++) {
                int row = sorted[first + i];
                fromChunk[i] = columns.chunk[row];
                fromAt[i] = columns.at[row];
                Chunk c = old[fromChunk[i]];
                keyBytes += c.keyEnds[fromAt[i]] - c.keyStart(fromAt[i]);
            }
            Chunk into = new Chunk(rows, (int) Math.max(16, keyBytes));
            for (int i = 0; i < rows; i++) {
                Chunk c = old[fromChunk[i]];
                int start = c.keyStart(fromAt[i]);
                int length = c.keyEnds[fromAt[i]] - start;
                System.arraycopy(c.keys, start, into.keys, into.keysUsed, length);
                into.keysUsed += length;
                into.keyEnds[i] = into.keysUsed;
            }
            for (int i = 0; i < rows; i++) {
                into.types[i] = old[fromChunk[i]].types[fromAt[i]];
            }
            for (int i = 0; i < rows; i++) {
                into.expiries[i] = old[fromChunk[i]].expiries[fromAt[i]];
            }
            for (int i = 0; i < rows; i++) {
                into.sizes[i] = old[fromChunk[i]].sizes[fromAt[i]];
            }
            into.size = rows;
            rebuilt.add(into);
        }
        chunks.clear();
        chunks.addAll(rebuilt);
        renumberFrom(0);
    }

    /** Where each row is, and the columns a sort compares, indexed by row for the comparisons. */
    private static final class RowColumns {
        /** Rows sharing their key's first bytes that are compared whole rather than radix-sorted further. */
        private static final int SHORT_RUN = 48;

        final int[] chunk;
        final int[] at;
        private final KeyRowList list;

        RowColumns(KeyRowList list) {
            this.list = list;
            chunk = new int[list.size];
            at = new int[list.size];
            for (int c = 0; c < list.chunks.size(); c++) {
                int first = list.starts[c];
                int rows = list.chunks.get(c).size;
                Arrays.fill(chunk, first, first + rows, c);
                for (int i = 0; i < rows; i++) {
                    at[first + i] = i;
                }
            }
        }

        int keyLength(int row) {
            Chunk c = list.chunks.get(chunk[row]);
            return c.keyEnds[at[row]] - c.keyStart(at[row]);
        }

        /**
         * Sorts {@code sorted} by key bytes, 8 bytes at a time: radix-sorted by the bytes at
         * {@code depth}, then each run that shares them by the next 8, until a run is short or
         * holds a key that ends there (compared whole).
         */
        void sortByKey(IndexSort sort, int[] sorted, long[] keys, boolean ascending) {
            Chunk[] byChunk = list.chunks.toArray(new Chunk[0]);
            int sign = ascending ? 1 : -1;
            IndexSort.IndexComparator whole = (a, b) -> {
                Chunk ca = byChunk[chunk[a]];
                Chunk cb = byChunk[chunk[b]];
                int ia = at[a];
                int ib = at[b];
                return sign * Arrays.compareUnsigned(ca.keys, ca.keyStart(ia), ca.keyEnds[ia],
                        cb.keys, cb.keyStart(ib), cb.keyEnds[ib]);
            };
            sortByKey(sort, sorted, keys, 0, list.size, 0, ascending ? 0 : -1L, byChunk, whole);
        }

        private void sortByKey(IndexSort sort, int[] sorted, long[] keys, int from, int to, int depth, long flip,
                Chunk[] byChunk, IndexSort.IndexComparator whole) {
            for (int i = from; i < to; i++) {
                int row = sorted[i];
                Chunk c = byChunk[chunk[row]];
                int start = c.keyStart(at[row]) + depth;
                int end = c.keyEnds[at[row]];
                long digits = 0;
                for (int b = 0; b < 8; b++) {
                    digits = digits << 8 | (start + b < end ? c.keys[start + b] & 0xff : 0);
                }
                keys[i] = digits ^ flip;
            }
            sort.byKeys(keys, sorted, from, to);
            for (int run = from; run < to; ) {
                int end = run + 1;
                boolean endsHere = keyLength(sorted[run]) <= depth + 8;
                while (end < to && keys[end] == keys[run]) {
                    endsHere |= keyLength(sorted[end]) <= depth + 8;
                    end++;
                }
                if (end - run > 1) {
                    if (endsHere || end - run <= SHORT_RUN) {
                        sort.sort(sorted, run, end, whole);
                    } else {
                        sortByKey(sort, sorted, keys, run, end, depth + 8, flip, byChunk, whole);
                    }
                }
                run = end;
            }
        }

        /** Keys by which a radix sort puts the rows in this column's order (unsigned). */
        long[] sortKeys(RowOrder by, Map<ByteBuffer, Long> laterSizes) {
            long[] values = switch (by.column()) {
                case TYPE -> {
                    int[] rank = typeRanks(typeNames);
                    long[] types = new long[list.size];
                    Arrays.setAll(types, row -> rank[list.chunks.get(chunk[row]).types[at[row]]]);
                    yield types;
                }
                case TTL -> {
                    long[] expiries = new long[list.size];
                    Arrays.setAll(expiries, row -> {
                        long expiry = list.chunks.get(chunk[row]).expiries[at[row]];
                        return expiry < 0 ? Long.MAX_VALUE : expiry;
                    });
                    yield expiries;
                }
                case SIZE -> knownSizes(laterSizes);
                case KEY -> throw new IllegalArgumentException("Keys sort by their bytes");
            };
            for (int row = 0; row < values.length; row++) { // unknown (negative) is the largest unsigned key
                long value = values[row];
                values[row] = value < 0 ? -1L : by.ascending() ? value : Long.MAX_VALUE - value;
            }
            return values;
        }

        /** Unknown (negative) sizes stay negative. */
        private long[] knownSizes(Map<ByteBuffer, Long> laterSizes) {
            long[] sizes = new long[list.size];
            for (int c = 0; c < list.chunks.size(); c++) {
                Chunk source = list.chunks.get(c);
                ByteBuffer key = ByteBuffer.wrap(source.keys);
                int first = list.starts[c];
                for (int i = 0; i < source.size; i++) {
                    long bytes = source.sizes[i];
                    if (bytes == KeyInfo.SIZE_NOT_FETCHED && !laterSizes.isEmpty()) {
                        key.limit(source.keyEnds[i]).position(source.keyStart(i));
                        bytes = laterSizes.getOrDefault(key, KeyInfo.SIZE_NOT_FETCHED);
                    }
                    sizes[first + i] = bytes;
                }
            }
            return sizes;
        }

        /** The rank of each type code by name; code 0 (no type) ranks -1. */
        private static int[] typeRanks(String[] names) {
            Integer[] codes = new Integer[names.length - 1];
            Arrays.setAll(codes, i -> i + 1);
            Arrays.sort(codes, (a, b) -> names[a].compareTo(names[b]));
            int[] rank = new int[names.length];
            rank[0] = -1;
            for (int r = 0; r < codes.length; r++) {
                rank[codes[r]] = r;
            }
            return rank;
        }
    }

    /** The last chunk if it has room for a row, else a new one sized for keys like those so far. */
    private Chunk lastWithRoom() {
        if (!chunks.isEmpty() && !chunks.get(chunks.size() - 1).full()) {
            return chunks.get(chunks.size() - 1);
        }
        int rows = chunks.isEmpty() ? firstCapacity : CHUNK_ROWS;
        int keyBytes = rows * KEY_BYTES_GUESS;
        if (!chunks.isEmpty()) {
            Chunk last = chunks.get(chunks.size() - 1);
            keyBytes = (int) Math.min(Integer.MAX_VALUE / 2, (long) last.keysUsed * rows / last.size * 9 / 8 + 16);
        }
        Chunk chunk = new Chunk(rows, keyBytes);
        addLast(chunk);
        return chunk;
    }

    /** Splits a full chunk in two halves, so a row can be inserted into it. */
    private void split(int c) {
        Chunk full = chunks.get(c);
        int half = full.size / 2;
        Chunk second = new Chunk(CHUNK_ROWS, full.keys.length);
        for (int i = half; i < full.size; i++) {
            second.appendFrom(full, i);
        }
        full.keysUsed = full.keyStart(half);
        full.size = half;
        chunks.add(c + 1, second);
        renumberFrom(c);
    }

    /** Recomputes where each chunk from {@code c} on starts, after rows were inserted or removed. */
    private void renumberFrom(int c) {
        if (starts.length < chunks.size()) {
            starts = Arrays.copyOf(starts, Math.max(starts.length * 2, chunks.size()));
        }
        int next = c == 0 ? 0 : starts[c - 1] + chunks.get(c - 1).size;
        for (int i = c; i < chunks.size(); i++) {
            starts[i] = next;
            next += chunks.get(i).size;
        }
    }

    /** A small code per type name ({@code null}, a listing without types, is 0); Redis has a handful. */
    private static int codeOf(String type) {
        if (type == null) {
            return 0;
        }
        Integer code = TYPE_CODES.get(type);
        return code != null ? code : newCode(type);
    }

    private static synchronized int newCode(String type) {
        Integer code = TYPE_CODES.get(type);
        if (code == null) {
            String[] names = typeNames;
            if (names.length > Short.MAX_VALUE) {
                throw new IllegalStateException("More than " + Short.MAX_VALUE + " Redis type names");
            }
            code = names.length;
            String[] more = Arrays.copyOf(names, names.length + 1);
            more[code] = type;
            typeNames = more;
            TYPE_CODES.put(type, code);
        }
        return code;
    }
}
