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

    @Test
    void namespacesOfBinaryKeysAreTheirEscapedPrefixesAtAnyNumberOfNames() {
        NamespaceTree page = new NamespaceTree();
        for (int i = 0; i < 40; i++) {
            page.add(("user:" + i + ":profile").getBytes(StandardCharsets.UTF_8), 2);
            page.add(("user:" + i + ":cart").getBytes(StandardCharsets.UTF_8), 3);
        }
        page.add(new byte[] {(byte) 0xff, '\n', ':', 'x', ':', 'y'}, 4);
        page.add(new byte[] {(byte) 0xff, '\n', ':', 'z'}, 1);
        NamespaceTree tree = new NamespaceTree();
        tree.merge(page);
        tree.merge(page);
        NamespaceTree.Node user = tree.root().child("user");
        assertEquals(40, user.children().size());
        assertEquals(4, user.child("33").keys());
        assertEquals(10, user.child("33").bytes());
        assertEquals("user:33:*", user.child("33").pattern());
        NamespaceTree.Node binary = tree.root().child("\\xff\\n");
        assertEquals(4, binary.keys());
        assertEquals("\\xff\\n:x:*", binary.child("x").pattern());
        assertEquals(164, tree.root().keys());
    }

    @Test
    void evictedKeysAreUncountedAndNamespacesLeftEmptyGo() {
        NamespaceTree tree = new NamespaceTree();
        tree.add(List.of(key("pm25:Dongsi:2014", 100), key("pm25:Dongsi:2015", 50), key("pm25:Tiantan:2014", 10),
                key("plain", 7)));
        for (int i = 0; i < 20; i++) {
            tree.add(key("user:" + i + ":profile", 1));
        }

        tree.remove("pm25:Dongsi:2014".getBytes(StandardCharsets.UTF_8), 100);
        NamespaceTree.Node pm25 = tree.root().child("pm25");
        assertEquals(2, pm25.keys());
        assertEquals(60, pm25.bytes());
        assertEquals(1, pm25.child("Dongsi").keys());

        tree.remove("pm25:Dongsi:2015".getBytes(StandardCharsets.UTF_8), 50);
        assertNull(pm25.child("Dongsi"), "a namespace without keys goes");
        assertEquals(List.of("Tiantan"), pm25.children().stream().map(NamespaceTree.Node::name).toList());
        tree.remove("user:17:profile".getBytes(StandardCharsets.UTF_8), 1);
        assertNull(tree.root().child("user").child("17"), "found past the first children too");
        assertEquals(19, tree.root().child("user").keys());
        tree.remove("plain".getBytes(StandardCharsets.UTF_8), 7);
        assertEquals(20, tree.root().keys());

        tree.add(key("pm25:Dongsi:2016", 5));
        assertEquals(1, tree.root().child("pm25").child("Dongsi").keys(), "a namespace that went comes back when listed again");
    }
}
