package io.ringside.ui.cache;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * a cell asks for, rows are equal by content, and a listing's batches are appended column by
 * column as one change.
 */
final class KeyRowList extends ModifiableObservableListBase<KeyRow> {

    /** Rows per chunk: its arrays are some 300 KB, small enough for the young generation. */
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
        chunks.add(p);
        if (starts.length < chunks.size()) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[chunks.size() - 1] = size;
        size += p.size;
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
        chunks.add(chunk);
        if (starts.length < chunks.size()) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[chunks.size() - 1] = size;
        return chunk;
    }

    /** Splits a full chunk in two halves, so a row can be inserted into it. */
    private void split(int c) {
        Chunk full = chunks.get(c);
        int half = full.size / 2;
        Chunk second = new Chunk(CHUNK_ROWS, full.keys.length);
        for (int i = half; i < full.size; i++) {
            int start = full.keyStart(i);
            int length = full.keyEnds[i] - start;
            System.arraycopy(full.keys, start, second.keys, second.keysUsed, length);
            second.keysUsed += length;
            second.keyEnds[second.size] = second.keysUsed;
            second.types[second.size] = full.types[i];
            second.expiries[second.size] = full.expiries[i];
            second.sizes[second.size] = full.sizes[i];
            second.size++;
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
