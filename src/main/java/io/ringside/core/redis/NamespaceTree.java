package io.ringside.core.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key browser's namespace tree, built page by page as a scan delivers keys: keys split on
 * {@code :}, each prefix a node counting the keys and bytes below it. Only namespaces are kept,
 * never the keys themselves (the table holds those), and at most {@link #MAX_DEPTH} levels, so a
 * keyspace of millions of keys costs one node per namespace. Not thread-safe: feed it from the
 * scan listener, which is never called concurrently.
 */
public final class NamespaceTree {

    public static final int MAX_DEPTH = 8;

    private static final int FIRST_CHILDREN = 16;

    /** A namespace: its own name, its full prefix, and the keys and bytes at or below it. */
    public static final class Node {
        private final String name;
        private final String prefix;
        private final Map<String, Node> children = new TreeMap<>();
        /** The first children with the bytes of their names, searched before the map (see {@link #childFor}). */
        private final Node[] firstChildren = new Node[FIRST_CHILDREN];
        private byte[] rawName;
        private int firstCount;
        private long keys;
        private long bytes;

        private Node(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
        }

        public String name() {
            return name;
        }

        /** The namespace's parts, escaped and joined by {@code :}, e.g. {@code pm25:Dongsi}. */
        public String prefix() {
            return prefix;
        }

        /** The glob that lists this namespace's keys, e.g. {@code pm25:Dongsi:*}. */
        public String pattern() {
            return prefix.isEmpty() ? "*" : prefix + ":*";
        }

        public long keys() {
            return keys;
        }

        public long bytes() {
            return bytes;
        }

        public Collection<Node> children() {
            return Collections.unmodifiableCollection(children.values());
        }

        public Node child(String name) {
            return children.get(name);
        }

        /**
         * The child named by {@code key[from, to)}, made if new; the first few children are found
         * by comparing bytes, the rest (a namespace level with many names) through their escaped names.
         */
        private Node childFor(byte[] key, int from, int to, boolean top) {
            Node child = existingChild(key, from, to);
            if (child != null) {
                return child;
            }
            byte[] raw = Arrays.copyOfRange(key, from, to);
            String part = KeyText.escape(raw);
            return newChild(part, top ? part : prefix + ":" + part, raw);
        }

        /** The child named by {@code key[from, to)} if there is one. */
        private Node existingChild(byte[] key, int from, int to) {
            for (int i = 0; i < firstCount; i++) {
                Node child = firstChildren[i];
                if (Arrays.equals(child.rawName, 0, child.rawName.length, key, from, to)) {
                    return child;
                }
            }
            return children.get(KeyText.escape(Arrays.copyOfRange(key, from, to)));
        }

        private void drop(Node child) {
            children.remove(child.name);
            for (int i = 0; i < firstCount; i++) {
                if (firstChildren[i] == child) {
                    System.arraycopy(firstChildren, i + 1, firstChildren, i, firstCount - i - 1);
                    firstChildren[--firstCount] = null;
                    return;
                }
            }
        }

        private Node newChild(String name, String childPrefix, byte[] raw) {
            Node child = new Node(name, childPrefix);
            children.put(name, child);
            if (raw != null && firstCount < FIRST_CHILDREN) {
                child.rawName = raw;
                firstChildren[firstCount++] = child;
            }
            return child;
        }
    }

    private final Node root = new Node("", "");

    /**
     * Adds the counts of another tree: a page's tree built on the scan's thread is merged on the
     * FX thread at the cost of its namespaces, not of its keys.
     */
    public void merge(NamespaceTree other) {
        merge(root, other.root);
    }

    private static void merge(Node into, Node from) {
        into.keys += from.keys;
        into.bytes += from.bytes;
        for (Node child : from.children.values()) {
            Node target = into.children.get(child.name);
            if (target == null) {
                target = into.newChild(child.name, child.prefix, child.rawName);
            }
            merge(target, child);
        }
    }

    public Node root() {
        return root;
    }

    public void add(Iterable<KeyInfo> page) {
        for (KeyInfo key : page) {
            add(key);
        }
    }

    public void add(KeyInfo key) {
        add(key.key(), key.bytes());
    }

    /**
     * Counts one key by its bytes, split on {@code :} bytes (escaping maps a {@code :} to itself
     * and never makes one, so the namespaces are those of its escaped text). A scan counts every
     * key it delivers: splitting the escaped text made some 350 bytes of garbage a key, the
     * collector's main work while a million-key listing streamed in; a namespace already seen is
     * found here without allocating.
     */
    public void add(byte[] key, long bytes) {
        long size = Math.max(0, bytes);
        Node node = root;
        node.keys++;
        node.bytes += size;
        int start = 0;
        int depth = 0;
        for (int i = 0; i < key.length && depth < MAX_DEPTH; i++) {
            if (key[i] == ':') {
                node = node.childFor(key, start, i, node == root);
                node.keys++;
                node.bytes += size;
                start = i + 1;
                depth++;
            }
        }
    }

    /**
     * Uncounts a key counted by {@link #add(byte[], long)} with the same bytes, e.g. after it was
     * evicted; a namespace left without keys goes, so the tree shows what is still there.
     */
    public void remove(byte[] key, long bytes) {
        long size = Math.max(0, bytes);
        Node node = root;
        if (node.keys <= 0) {
            return;
        }
        node.keys--;
        node.bytes -= size;
        int start = 0;
        int depth = 0;
        for (int i = 0; i < key.length && depth < MAX_DEPTH; i++) {
            if (key[i] == ':') {
                Node child = node.existingChild(key, start, i);
                if (child == null) {
                    return;
                }
                child.keys--;
                child.bytes -= size;
                if (child.keys <= 0) {
                    node.drop(child);
                    return;
                }
                node = child;
                start = i + 1;
                depth++;
            }
        }
    }
}
