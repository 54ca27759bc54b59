package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceTreeTest {

    private static KeyInfo key(String name, long bytes) {
        return new KeyInfo(name.getBytes(StandardCharsets.UTF_8), "string", -1, bytes);
    }

    @Test
    void pagesBuildTheTreeIncrementallyWithCountsAndSizesPerNamespace() {
        NamespaceTree tree = new NamespaceTree();
        tree.add(List.of(key("pm25:Dongsi:2014", 100), key("pm25:Dongsi:2015", 50), key("plain", 7)));
        assertEquals(3, tree.root().keys());
        assertEquals(2, tree.root().child("pm25").child("Dongsi").keys());
        tree.add(List.of(key("pm25:Tiantan:2014", 10), key("dataset:mnist:1:chunk:0", 1000)));
        NamespaceTree.Node pm25 = tree.root().child("pm25");
        assertEquals(3, pm25.keys());
        assertEquals(160, pm25.bytes());
        assertEquals(List.of("Dongsi", "Tiantan"), pm25.children().stream().map(NamespaceTree.Node::name).toList());
        assertEquals("pm25:Dongsi:*", pm25.child("Dongsi").pattern());
        assertEquals("dataset:mnist:1:chunk:*", tree.root().child("dataset").child("mnist").child("1").child("chunk").pattern());
        assertNull(tree.root().child("plain"), "a key without ':' is no namespace");
        assertEquals(5, tree.root().keys());
        assertEquals(1167, tree.root().bytes());
    }
}
