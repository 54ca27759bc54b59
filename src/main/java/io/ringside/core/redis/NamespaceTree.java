package io.ringside.core.redis;

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

    /** A namespace: its own name, its full prefix, and the keys and bytes at or below it. */
    public static final class Node {
        private final String name;
        private final String prefix;
        private final Map<String, Node> children = new TreeMap<>();
        private long keys;
        private long bytes;

        private Node(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
        }

        public String name() {
            return name;
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
            Node target = into.children.computeIfAbsent(child.name, n -> new Node(child.name, child.prefix));
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
        add(key.displayKey(), key.bytes());
    }

    /** Counts one key given by its escaped text (as {@link KeyText#escape} shows it). */
    public void add(String displayKey, long bytes) {
        String[] parts = displayKey.split(":", -1);
        long size = Math.max(0, bytes);
        Node node = root;
        node.keys++;
        node.bytes += size;
        int depth = Math.min(parts.length - 1, MAX_DEPTH);
        for (int i = 0; i < depth; i++) {
            String part = parts[i];
            Node parent = node;
            node = parent.children.computeIfAbsent(part,
                    p -> new Node(p, parent == root ? p : parent.prefix + ":" + p));
            node.keys++;
            node.bytes += size;
        }
    }
}
