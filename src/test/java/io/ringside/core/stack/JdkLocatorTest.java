package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

    @Test
    void parsesModernAndLegacyVersionStrings() {
        assertEquals(Optional.of(17), JdkLocator.parseFeature("openjdk version \"17.0.15\" 2025-04-15"));
        assertEquals(Optional.of(8), JdkLocator.parseFeature("java version \"1.8.0_292\""));
        assertEquals(Optional.of(25), JdkLocator.parseFeature("openjdk version \"25\" 2025-09-16"));
        assertEquals(Optional.empty(), JdkLocator.parseFeature("garbage"));
    }

    @Test
    void onlyNewerJdksGiveAnErrorListingWhatWasTried(@TempDir Path jvms) throws IOException {
        fakeJdk(jvms.resolve("jdk-25"), "25.0.1");
        fakeJdk(jvms.resolve("jdk-21"), "21.0.4");
        JdkLocator locator = new JdkLocator(Map.of(), List.of(jvms), 25, jvms.resolve("jdk-25/bin/java"));
        StackException error = assertThrows(StackException.class, locator::javaForCassandra);
        assertTrue(error.getMessage().contains("jdk-21/bin/java: Java 21"), error.getMessage());
        assertTrue(error.getMessage().contains("the running JVM, Java 25"), error.getMessage());
    }

    @Test
    void aJdk17InTheSystemFolderIsFoundWhenTheRunningJvmIsNewer(@TempDir Path jvms) throws IOException {
        fakeJdk(jvms.resolve("jdk-25"), "25.0.1");
        fakeJdk(jvms.resolve("openjdk-17"), "17.0.15");
        JdkLocator locator = new JdkLocator(Map.of(), List.of(jvms), 25, jvms.resolve("jdk-25/bin/java"));
        assertEquals(jvms.resolve("openjdk-17/bin/java"), locator.javaForCassandra());
    }

    @Test
    void javaHomeIsPreferredOverTheSystemFolder(@TempDir Path jvms) throws IOException {
        fakeJdk(jvms.resolve("a-jdk-11"), "11.0.2");
        fakeJdk(jvms.resolve("home-17"), "17.0.1");
        JdkLocator locator = new JdkLocator(Map.of("JAVA_HOME", jvms.resolve("home-17").toString()), List.of(jvms),
                25, jvms.resolve("none/bin/java"));
        assertEquals(jvms.resolve("home-17/bin/java"), locator.javaForCassandra());
    }

    private static void fakeJdk(Path home, String version) throws IOException {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-01-01' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
