package io.ringside.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void explicitBeatsEnvironmentBeatsXdgBeatsHome() {
        Map<String, String> all = Map.of("RINGSIDE_HOME", "/r", "XDG_DATA_HOME", "/x");
        assertEquals(Path.of("/d"), DataFolder.resolve(Path.of("/d"), all, "/home/u"));
        assertEquals(Path.of("/r"), DataFolder.resolve(null, all, "/home/u"));
        assertEquals(Path.of("/x/ringside"), DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/ringside"), DataFolder.resolve(null, Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/ringside"), DataFolder.resolve(null, Map.of("RINGSIDE_HOME", " "), "/home/u"));
    }
}
