package io.ringside.ui.cache;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ModifiableObservableListBase;

/**
 * The key browser's rows, held column by column: the keys' bytes end to end in one array, their
 * types, expiries and sizes in arrays of their own. A million {@link KeyRow} objects with their key
 * arrays are two million small objects, some 85 MB that the collector traces and copies while a
 * listing streams in; here a row is some forty-five bytes in a handful of arrays (about 50 MB for
 * the million rows the browser keeps). {@link #get} builds the row a cell asks for, rows are equal
 * by content, and a listing's batches are appended column by column as one change.
 */
final class KeyRowList extends ModifiableObservableListBase<KeyRow> {

    private static final int FIRST_CAPACITY = 1024;

    private final List<String> typeNames = new ArrayList<>(List.of(""));
    private final Map<String, Integer> typeCodes = new HashMap<>();

    private Columns columns;

    KeyRowList() {
        this(FIRST_CAPACITY);
    }

    /** An empty list with room for {@code rows} rows, e.g. one SCAN page. */
    KeyRowList(int rows) {
        columns = new Columns(Math.max(rows, 16), Math.max(rows, 16) * 24);
    }

    /** One generation of storage; {@link #clear} starts a new one so the old one can back the change's removed rows. */
    private static final class Columns {
        byte[] keys;
        int keysUsed;
        int[] keyEnds;
        short[] types;
        long[] expiries;
        long[] sizes;
        int size;

        Columns(int rows, int keyBytes) {
            keys = new byte[keyBytes];
            keyEnds = new int[rows];
            types = new short[rows];
            expiries = new long[rows];
            sizes = new long[rows];
        }

        int keyStart(int index) {
            return index == 0 ? 0 : keyEnds[index - 1];
        }

        void ensureRows(int rows) {
            if (rows > keyEnds.length) {
                int capacity = Math.max(rows, keyEnds.length * 2);
                keyEnds = Arrays.copyOf(keyEnds, capacity);
                types = Arrays.copyOf(types, capacity);
                expiries = Arrays.copyOf(expiries, capacity);
                sizes = Arrays.copyOf(sizes, capacity);
            }
        }

        void ensureKeyBytes(int bytes) {
            if (bytes > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(bytes, keys.length * 2));
            }
        }
    }

    @Override
    public KeyRow get(int index) {
        Objects.checkIndex(index, columns.size);
        return row(columns, index);
    }

    private KeyRow row(Columns c, int index) {
        byte[] key = Arrays.copyOfRange(c.keys, c.keyStart(index), c.keyEnds[index]);
        int type = c.types[index];
        return new KeyRow(key, type == 0 ? null : typeNames.get(type), c.expiries[index], c.sizes[index]);
    }

    @Override
    public int size() {
        return columns.size;
    }

    @Override
    protected void doAdd(int index, KeyRow row) {
        Objects.checkIndex(index, columns.size + 1);
        insert(index, row);
    }

    /** In place when the key stays (a TTL change); a row of another key is moved in as remove + insert. */
    @Override
    protected KeyRow doSet(int index, KeyRow row) {
        KeyRow old = get(index);
        Columns c = columns;
        if (old.sameKey(row.key())) {
            c.types[index] = (short) codeOf(row.type());
            c.expiries[index] = row.expiresAtMs();
            c.sizes[index] = row.bytes();
        } else {
            delete(index);
            insert(index, row);
        }
        return old;
    }

    /**
     * Removes the rows at {@code indices} in one pass over the columns, as one change: removing
     * them one by one would shift every later row (and its key bytes) once per removed row.
     */
    void removeRows(BitSet indices) {
        Columns c = columns;
        if (indices.isEmpty()) {
            return;
        }
        Objects.checkIndex(indices.length() - 1, c.size);
        beginChange();
        for (int i = indices.previousSetBit(c.size - 1); i >= 0; i = indices.previousSetBit(i - 1)) {
            nextRemove(i, row(c, i));
        }
        int kept = 0;
        int keyBytes = 0;
        for (int i = 0; i < c.size; i++) {
            if (indices.get(i)) {
                continue;
            }
            int start = c.keyStart(i);
            int length = c.keyEnds[i] - start;
            System.arraycopy(c.keys, start, c.keys, keyBytes, length);
            keyBytes += length;
            c.keyEnds[kept] = keyBytes;
            c.types[kept] = c.types[i];
            c.expiries[kept] = c.expiries[i];
            c.sizes[kept] = c.sizes[i];
            kept++;
        }
        c.size = kept;
        c.keysUsed = keyBytes;
        modCount++;
        endChange();
    }

    @Override
    protected KeyRow doRemove(int index) {
        KeyRow old = get(index);
        delete(index);
        return old;
    }

    /** Drops every row at once (the inherited clear removes them one by one, each shifting the rest). */
    @Override
    public void clear() {
        if (columns.size == 0) {
            return;
        }
        Columns old = columns;
        columns = new Columns(FIRST_CAPACITY, FIRST_CAPACITY * 24);
        modCount++;
        beginChange();
        nextRemove(0, new AbstractList<KeyRow>() {
            @Override
            public KeyRow get(int index) {
                Objects.checkIndex(index, old.size);
                return row(old, index);
            }

            @Override
            public int size() {
                return old.size;
            }
        });
        endChange();
    }

    /**
     * Appends a row without telling listeners: for filling a list nobody observes yet, such as a
     * page of rows made ready on the scan's thread for {@link #appendAll}.
     */
    void append(byte[] key, String type, long expiresAtMs, long bytes) {
        Columns c = columns;
        c.ensureRows(c.size + 1);
        c.ensureKeyBytes(c.keysUsed + key.length);
        System.arraycopy(key, 0, c.keys, c.keysUsed, key.length);
        c.keysUsed += key.length;
        c.keyEnds[c.size] = c.keysUsed;
        c.types[c.size] = (short) codeOf(type);
        c.expiries[c.size] = expiresAtMs;
        c.sizes[c.size] = bytes;
        c.size++;
    }

    /** Appends the rows of {@code pages} column by column, as one change. */
    void appendAll(List<KeyRowList> pages) {
        Columns c = columns;
        int from = c.size;
        int rows = c.size;
        int bytes = c.keysUsed;
        for (KeyRowList page : pages) {
            rows += page.columns.size;
            bytes += page.columns.keysUsed;
        }
        if (rows == from) {
            return;
        }
        c.ensureRows(rows);
        c.ensureKeyBytes(bytes);
        for (KeyRowList page : pages) {
            Columns p = page.columns;
            System.arraycopy(p.keys, 0, c.keys, c.keysUsed, p.keysUsed);
            for (int i = 0; i < p.size; i++) {
                c.keyEnds[c.size + i] = c.keysUsed + p.keyEnds[i];
                int type = p.types[i];
                c.types[c.size + i] = (short) (type == 0 ? 0 : codeOf(page.typeNames.get(type)));
            }
            System.arraycopy(p.expiries, 0, c.expiries, c.size, p.size);
            System.arraycopy(p.sizes, 0, c.sizes, c.size, p.size);
            c.keysUsed += p.keysUsed;
            c.size += p.size;
        }
        modCount++;
        beginChange();
        nextAdd(from, c.size);
        endChange();
    }

    @Override
    public boolean addAll(Collection<? extends KeyRow> rows) {
        Columns c = columns;
        c.ensureRows(c.size + rows.size());
        return super.addAll(rows);
    }

    /** Compares in place: the inherited search would build every row it passes. */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof KeyRow row)) {
            return -1;
        }
        Columns c = columns;
        byte[] key = row.key();
        int type = codeOf(row.type());
        for (int i = 0; i < c.size; i++) {
            int start = c.keyStart(i);
            if (c.keyEnds[i] - start == key.length && c.types[i] == type && c.expiries[i] == row.expiresAtMs()
                    && c.sizes[i] == row.bytes() && Arrays.equals(c.keys, start, c.keyEnds[i], key, 0, key.length)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    private void insert(int index, KeyRow row) {
        Columns c = columns;
        byte[] key = row.key();
        c.ensureRows(c.size + 1);
        c.ensureKeyBytes(c.keysUsed + key.length);
        int start = c.keyStart(index);
        if (index < c.size) {
            System.arraycopy(c.keys, start, c.keys, start + key.length, c.keysUsed - start);
            System.arraycopy(c.keyEnds, index, c.keyEnds, index + 1, c.size - index);
            System.arraycopy(c.types, index, c.types, index + 1, c.size - index);
            System.arraycopy(c.expiries, index, c.expiries, index + 1, c.size - index);
            System.arraycopy(c.sizes, index, c.sizes, index + 1, c.size - index);
            for (int i = index + 1; i <= c.size; i++) {
                c.keyEnds[i] += key.length;
            }
        }
        System.arraycopy(key, 0, c.keys, start, key.length);
        c.keyEnds[index] = start + key.length;
        c.types[index] = (short) codeOf(row.type());
        c.expiries[index] = row.expiresAtMs();
        c.sizes[index] = row.bytes();
        c.keysUsed += key.length;
        c.size++;
    }

    private void delete(int index) {
        Columns c = columns;
        int start = c.keyStart(index);
        int length = c.keyEnds[index] - start;
        System.arraycopy(c.keys, start + length, c.keys, start, c.keysUsed - start - length);
        int after = c.size - index - 1;
        System.arraycopy(c.keyEnds, index + 1, c.keyEnds, index, after);
        System.arraycopy(c.types, index + 1, c.types, index, after);
        System.arraycopy(c.expiries, index + 1, c.expiries, index, after);
        System.arraycopy(c.sizes, index + 1, c.sizes, index, after);
        for (int i = index; i < index + after; i++) {
            c.keyEnds[i] -= length;
        }
        c.keysUsed -= length;
        c.size--;
    }

    /** A small code per type name ({@code null}, a listing without types, is 0); Redis has a handful. */
    private int codeOf(String type) {
        if (type == null) {
            return 0;
        }
        Integer code = typeCodes.get(type);
        if (code == null) {
            code = typeNames.size();
            if (code > Short.MAX_VALUE) {
                throw new IllegalStateException("More than " + Short.MAX_VALUE + " Redis type names");
            }
            typeNames.add(type);
            typeCodes.put(type, code);
        }
        return code;
    }
}
