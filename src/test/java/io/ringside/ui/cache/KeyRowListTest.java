package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Pure: the column store behaves as the list of rows it stands for, and says so to its listeners. */
class KeyRowListTest {

    private static KeyRow row(String key, String type, long expiresAt, long bytes) {
        return new KeyRow(key.getBytes(StandardCharsets.UTF_8), type, expiresAt, bytes);
    }

    private static List<KeyRow> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> row("k:" + i, i % 2 == 0 ? "string" : "hash", i % 3 == 0 ? -1 : i, i)).toList();
    }

    @Test
    void appendedRowsComeBackEqualByContentInOrder() {
        KeyRowList list = new KeyRowList();
        List<KeyRow> expected = new ArrayList<>(rows(0, 5000));
        list.addAll(expected.subList(0, 10));
        list.addAll(expected.subList(10, 5000));
        assertEquals(expected, List.copyOf(list));
        assertEquals(expected.get(4321), list.get(4321));
        assertEquals(4321, list.indexOf(expected.get(4321)));
        assertEquals(-1, list.indexOf(row("k:4321", "string", 4321, 4321)), "another type is another row");
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(5000));
    }

    @Test
    void binaryKeysAndRowsWithoutATypeKeepTheirBytes() {
        KeyRowList list = new KeyRowList();
        byte[] binary = {0, (byte) 0xff, '\n', 'x'};
        list.add(new KeyRow(binary, null, -1, -2));
        list.add(row("", "zset", 5, 6));
        assertTrue(list.get(0).sameKey(binary));
        assertNull(list.get(0).type());
        assertEquals(0, list.get(1).key().length);
        assertEquals("zset", list.get(1).type());
    }

    @Test
    void setAndRemoveInTheMiddleKeepTheOtherRows() {
        KeyRowList list = new KeyRowList();
        List<KeyRow> expected = new ArrayList<>(rows(0, 100));
        list.addAll(expected);
        KeyRow longer = row("a-much-longer-key-than-before:50", "list", 7, 8);
        list.set(50, longer);
        expected.set(50, longer);
        list.remove(10);
        expected.remove(10);
        list.add(0, row("first", "set", -1, 1));
        expected.add(0, row("first", "set", -1, 1));
        assertEquals(expected, List.copyOf(list));
    }

    @Test
    void listenersHearAppendsAndAClearWithTheRowsItRemoved() {
        KeyRowList list = new KeyRowList();
        List<String> heard = new ArrayList<>();
        List<KeyRow> removed = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    heard.add("added " + change.getFrom() + "-" + change.getTo());
                }
                if (change.wasRemoved()) {
                    heard.add("removed " + change.getRemovedSize());
                    removed.addAll(change.getRemoved());
                }
            }
        });
        list.addAll(rows(0, 3));
        list.addAll(rows(3, 5));
        list.clear();
        assertEquals(List.of("added 0-3", "added 3-5", "removed 5"), heard);
        assertEquals(rows(0, 5), removed);
        assertTrue(list.isEmpty());
        list.addAll(rows(0, 2));
        assertEquals(rows(0, 2), List.copyOf(list));
        assertFalse(list.contains(rows(4, 5).get(0)));
    }

    @Test
    void pagesMadeElsewhereAreAppendedAsOneChangeWithTheirTypes() {
        KeyRowList first = new KeyRowList(2);
        first.append("a".getBytes(StandardCharsets.UTF_8), "stream", -1, 1);
        first.append("b".getBytes(StandardCharsets.UTF_8), null, 9, -2);
        KeyRowList second = new KeyRowList(1);
        second.append("c".getBytes(StandardCharsets.UTF_8), "set", 3, 4);
        KeyRowList list = new KeyRowList();
        list.add(row("z", "set", 1, 1));
        List<String> heard = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                heard.add(change.wasAdded() + " " + change.getFrom() + "-" + change.getTo());
            }
        });
        list.appendAll(List.of(first, second));
        assertEquals(List.of("true 1-4"), heard);
        assertEquals(List.of(row("z", "set", 1, 1), row("a", "stream", -1, 1), row("b", null, 9, -2), row("c", "set", 3, 4)),
                List.copyOf(list));
    }

    @Test
    void scatteredRowsAreRemovedInOnePassAsOneChange() {
        KeyRowList list = new KeyRowList();
        List<KeyRow> expected = new ArrayList<>(rows(0, 50));
        list.addAll(expected);
        List<KeyRow> heardRemoved = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                heardRemoved.addAll(change.getRemoved());
            }
        });
        java.util.BitSet gone = new java.util.BitSet();
        gone.set(0);
        gone.set(7);
        gone.set(8);
        gone.set(49);
        list.removeRows(gone);
        List<KeyRow> removed = List.of(expected.get(0), expected.get(7), expected.get(8), expected.get(49));
        expected.removeAll(removed);
        assertEquals(expected, List.copyOf(list));
        assertEquals(Set.copyOf(removed), Set.copyOf(heardRemoved));
        assertThrows(IndexOutOfBoundsException.class, () -> list.removeRows(bits(46)));
    }

    @Test
    void aNewExpiryForTheSameKeyIsSetInPlace() {
        KeyRowList list = new KeyRowList();
        list.addAll(rows(0, 10));
        KeyRow before = list.get(4);
        list.set(4, before.withExpiry(123_456));
        assertEquals(before.withExpiry(123_456), list.get(4));
        assertEquals(rows(5, 10), List.copyOf(list.subList(5, 10)));
    }

    @Test
    void rowsSpanningManyChunksBehaveAsAListUnderMixedChanges() {
        KeyRowList list = new KeyRowList();
        List<KeyRow> expected = new ArrayList<>();
        int pages = 3 * KeyRowList.CHUNK_ROWS / 1000 + 2;
        for (int p = 0; p < pages; p++) {
            int rows = p % 3 == 1 ? KeyRowList.ADOPTED_PAGE_ROWS - 1 : 1000;
            KeyRowList page = new KeyRowList(rows);
            for (KeyRow row : rows(p * 1000, p * 1000 + rows)) {
                page.append(row.key(), row.type(), row.expiresAtMs(), row.bytes());
                expected.add(row);
            }
            list.appendAll(List.of(page));
            assertTrue(page.isEmpty(), "a page's rows now belong to the table");
        }
        assertEquals(expected, List.copyOf(list));
        list.add(row("appended", "hash", 1, 2));
        expected.add(row("appended", "hash", 1, 2));
        java.util.Random random = new java.util.Random(42);
        for (int step = 0; step < 400; step++) {
            int at = random.nextInt(expected.size());
            switch (step % 4) {
                case 0 -> {
                    KeyRow added = row("inserted:" + step, "list", step, step);
                    list.add(at, added);
                    expected.add(at, added);
                }
                case 1 -> assertEquals(expected.remove(at), list.remove(at));
                case 2 -> {
                    KeyRow other = row("replaced-with-a-longer-key:" + step, null, -1, -2);
                    list.set(at, other);
                    expected.set(at, other);
                }
                default -> assertEquals(at, list.indexOf(expected.get(at)));
            }
        }
        java.util.BitSet gone = new java.util.BitSet();
        for (int i = 0; i < expected.size(); i += 1 + random.nextInt(5)) {
            gone.set(i);
        }
        gone.set(0, KeyRowList.CHUNK_ROWS + 10);
        list.removeRows(gone);
        List<KeyRow> kept = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!gone.get(i)) {
                kept.add(expected.get(i));
            }
        }
        assertEquals(kept, List.copyOf(list));
        assertEquals(kept.get(kept.size() - 1), list.get(list.size() - 1));
        assertEquals(kept.size() / 2, list.indexOf(kept.get(kept.size() / 2)));
    }

    @Test
    void aClearTellsTheRowsItRemovedOnlyWhenAskedAndEveryListenerHearsIt() {
        KeyRowList list = new KeyRowList();
        List<KeyRow> expected = rows(0, 2 * KeyRowList.CHUNK_ROWS + 5);
        list.addAll(expected);
        List<String> heard = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            list.addListener((ListChangeListener<KeyRow>) change -> {
                try {
                    change.getFrom();
                    heard.add("read before next()");
                } catch (IllegalStateException expectedBeforeNext) {
                    // as a change must
                }
                while (change.next()) {
                    heard.add(change.wasRemoved() + " " + change.wasAdded() + " " + change.getFrom() + " "
                            + change.getRemovedSize() + (change.wasRemoved()
                            ? " " + change.getRemoved().get(change.getRemovedSize() - 1).displayKey() : ""));
                }
            });
        }
        list.clear();
        String last = expected.get(expected.size() - 1).displayKey();
        assertEquals(List.of("true false 0 " + expected.size() + " " + last, "true false 0 " + expected.size() + " " + last), heard);
        assertEquals(0, list.size());
        list.addAll(rows(7, 9));
        assertEquals(rows(7, 9), List.copyOf(list));
        assertEquals("false true 0 0", heard.get(3));
    }

    @Test
    void replacingAllRowsIsOneChangeThatRemovesTheOldAndAddsTheNew() {
        KeyRowList list = new KeyRowList();
        list.addAll(rows(0, 3));
        List<String> heard = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                heard.add(change.wasReplaced() + " " + change.getFrom() + "-" + change.getTo() + " removed "
                        + change.getRemoved().stream().map(KeyRow::displayKey).toList());
            }
        });
        KeyRowList page = new KeyRowList(2);
        page.append("new:1".getBytes(StandardCharsets.UTF_8), "set", -1, 1);
        page.append("new:2".getBytes(StandardCharsets.UTF_8), "set", -1, 1);
        list.replaceAll(List.of(page));
        assertEquals(List.of("true 0-2 removed [k:0, k:1, k:2]"), heard);
        assertEquals(List.of("new:1", "new:2"), list.stream().map(KeyRow::displayKey).toList());
        list.replaceAll(List.of());
        assertEquals("false 0-0 removed [new:1, new:2]", heard.get(1));
        assertTrue(list.isEmpty());
    }

    private static java.util.BitSet bits(int index) {
        java.util.BitSet bits = new java.util.BitSet();
        bits.set(index);
        return bits;
    }

    /** What each column's order means, written over {@link KeyRow}s: the reference the column sort must match. */
    private static Comparator<KeyRow> reference(RowOrder order) {
        Comparator<KeyRow> known = switch (order.column()) {
            case KEY -> (a, b) -> Arrays.compareUnsigned(a.key(), b.key());
            case TYPE -> Comparator.comparing(KeyRow::type, Comparator.nullsLast(Comparator.naturalOrder()));
            case TTL -> Comparator.comparingLong(row -> row.expiresAtMs() < 0 ? Long.MAX_VALUE : row.expiresAtMs());
            case SIZE -> Comparator.comparingLong(KeyRow::bytes);
        };
        Comparator<KeyRow> directed = order.ascending() ? known : known.reversed();
        return switch (order.column()) {
            case TYPE -> (a, b) -> a.type() == null || b.type() == null
                    ? Boolean.compare(a.type() == null, b.type() == null) : directed.compare(a, b);
            case SIZE -> (a, b) -> a.bytes() < 0 || b.bytes() < 0
                    ? Boolean.compare(a.bytes() < 0, b.bytes() < 0) : directed.compare(a, b);
            default -> directed;
        };
    }

    /**
     * Rows over several chunks (pages adopted and copied, so chunks are not all full) with what
     * makes a sort hard: keys sharing their first 8 and 16 bytes, keys that begin other keys, bytes
     * above 0x7f, the same key twice, no type, no TTL, unknown sizes, and ties in every column.
     */
    private static KeyRowList sortable(List<KeyRow> expected) {
        String[] types = {"string", "hash", "zset", null, "list"};
        java.util.Random random = new java.util.Random(7);
        KeyRowList list = new KeyRowList();
        int n = 0;
        while (n < 3 * KeyRowList.CHUNK_ROWS + 100) {
            int rows = random.nextBoolean() ? KeyRowList.ADOPTED_PAGE_ROWS / 2 : 3000;
            KeyRowList page = new KeyRowList(rows);
            for (int i = 0; i < rows; i++, n++) {
                byte[] key = switch (random.nextInt(5)) {
                    case 0 -> ("pm25:Location:long-shared-prefix:" + random.nextInt(2000)).getBytes(StandardCharsets.UTF_8);
                    case 1 -> ("pm25:Location:long-shared-prefix:" + random.nextInt(20)).getBytes(StandardCharsets.UTF_8);
                    case 2 -> {
                        byte[] b = new byte[random.nextInt(12)];
                        for (int j = 0; j < b.length; j++) {
                            b[j] = (byte) (random.nextBoolean() ? 0 : 0x7e + random.nextInt(4));
                        }
                        yield b;
                    }
                    case 3 -> ("k" + random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
                    default -> ("dataset:aq:1:chunk:" + n).getBytes(StandardCharsets.UTF_8);
                };
                long expiry = random.nextInt(4) == 0 ? -1 : 1_000_000 + random.nextInt(500);
                long bytes = random.nextInt(5) == 0 ? -2 : random.nextInt(6) == 0 ? -1 : random.nextInt(1000);
                KeyRow row = new KeyRow(key, types[random.nextInt(types.length)], expiry, bytes);
                page.append(row.key(), row.type(), row.expiresAtMs(), row.bytes());
                expected.add(row);
            }
            list.appendAll(List.of(page));
        }
        return list;
    }

    @Test
    void eachColumnSortsBothWaysAsAListSortedByWhatTheColumnMeans() {
        List<KeyRow> expected = new ArrayList<>();
        KeyRowList list = sortable(expected);
        assertTrue(list.size() > 3 * KeyRowList.CHUNK_ROWS);
        List<List<RowOrder>> orders = new ArrayList<>();
        for (RowOrder.Column column : RowOrder.Column.values()) {
            orders.add(List.of(RowOrder.ascending(column)));
            orders.add(List.of(RowOrder.descending(column)));
        }
        orders.add(List.of(RowOrder.ascending(RowOrder.Column.TYPE), RowOrder.descending(RowOrder.Column.TTL),
                RowOrder.ascending(RowOrder.Column.KEY)));
        orders.add(List.of(RowOrder.descending(RowOrder.Column.KEY), RowOrder.ascending(RowOrder.Column.SIZE)));
        orders.add(List.of(RowOrder.descending(RowOrder.Column.SIZE), RowOrder.descending(RowOrder.Column.TYPE),
                RowOrder.descending(RowOrder.Column.KEY), RowOrder.ascending(RowOrder.Column.TTL)));
        for (List<RowOrder> order : orders) {
            Comparator<KeyRow> comparator = order.stream().map(KeyRowListTest::reference).reduce(Comparator::thenComparing)
                    .orElseThrow();
            List<KeyRow> before = List.copyOf(list);
            expected = new ArrayList<>(before);
            expected.sort(comparator);
            list.sortBy(order, Map.of());
            assertEquals(expected, List.copyOf(list), "sorted by " + order);
            assertEquals(expected.get(expected.size() - 1), list.get(list.size() - 1));
            assertEquals(Set.copyOf(before), Set.copyOf(list));
        }
        list.add(row("after the sort", "set", 1, 1));
        assertEquals(row("after the sort", "set", 1, 1), list.get(list.size() - 1));
    }

    @Test
    void aSortIsOnePermutationChangeAndSizesAskedLaterCount() {
        KeyRowList list = new KeyRowList();
        list.addAll(List.of(row("c", "string", -1, -2), row("a", "string", 5, 30), row("b", "string", 7, -2),
                row("d", "string", 9, -2)));
        List<KeyRow> before = List.copyOf(list);
        List<int[]> permutations = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> {
            while (change.next()) {
                assertTrue(change.wasPermutated());
                assertFalse(change.wasAdded() || change.wasRemoved());
                assertEquals(0, change.getFrom());
                assertEquals(4, change.getTo());
                permutations.add(IntStream.range(0, 4).map(change::getPermutation).toArray());
            }
        });
        Map<java.nio.ByteBuffer, Long> laterSizes = Map.of(java.nio.ByteBuffer.wrap("c".getBytes(StandardCharsets.UTF_8)),
                10L, java.nio.ByteBuffer.wrap("d".getBytes(StandardCharsets.UTF_8)), 40L);

        list.sortBy(List.of(RowOrder.descending(RowOrder.Column.SIZE)), laterSizes);

        assertEquals(List.of("d", "a", "c", "b"), list.stream().map(KeyRow::displayKey).toList(), "b's size is unknown");
        assertEquals(1, permutations.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(before.get(i), list.get(permutations.get(0)[i]), "the old row " + i + " is where the change says");
        }
        list.sortBy(List.of(RowOrder.descending(RowOrder.Column.SIZE)), laterSizes);
        assertEquals(1, permutations.size(), "rows already in order are not a change");
    }

    @Test
    void theRowsOfASetOfKeysAreFoundInOnePassAndUpdatedAsOneChange() {
        List<KeyRow> expected = new ArrayList<>();
        KeyRowList list = sortable(expected);
        Set<java.nio.ByteBuffer> keys = new java.util.HashSet<>();
        for (int i = 0; i < expected.size(); i += 97) {
            keys.add(java.nio.ByteBuffer.wrap(expected.get(i).key()));
        }
        keys.add(java.nio.ByteBuffer.wrap("not listed".getBytes(StandardCharsets.UTF_8)));
        java.util.BitSet want = new java.util.BitSet();
        for (int i = 0; i < expected.size(); i++) {
            if (keys.contains(java.nio.ByteBuffer.wrap(expected.get(i).key()))) {
                want.set(i);
            }
        }
        assertTrue(want.cardinality() > expected.size() / 97, "keys listed twice are found twice");

        java.util.BitSet found = list.indicesOf(keys);

        assertEquals(want, found);
        assertTrue(list.indicesOf(Set.of()).isEmpty());
        List<String> heard = new ArrayList<>();
        list.addListener((ListChangeListener<KeyRow>) change -> heard.add("change"));
        list.updateRows(found, row -> row.withExpiry(42));
        assertEquals(List.of("change"), heard);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(found.get(i) ? expected.get(i).withExpiry(42) : expected.get(i), list.get(i));
        }
    }
}
