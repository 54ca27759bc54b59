package io.ringside.core.connect.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Which host keys are trusted: the user's {@code ~/.ssh/known_hosts} (read, never written) and
 * Ringside's own known-hosts file in the data folder (where an accepted key goes, so Ringside
 * never edits the user's OpenSSH files). Hashed entries and {@code [host]:port} patterns are
 * understood. A host listed with a key of the same type but other bytes has CHANGED its key and is
 * refused, as OpenSSH does; a {@code @revoked} key is refused too.
 */
public final class KnownHosts {

    /** What the files say about a key a host offers. */
    public enum Verdict { TRUSTED, UNKNOWN, CHANGED, REVOKED }

    private final List<Path> readOnly;
    private final Path ringside;

    public KnownHosts(List<Path> readOnly, Path ringside) {
        this.readOnly = List.copyOf(readOnly);
        this.ringside = ringside;
    }

    /** The user's OpenSSH file and {@code <data>/ssh/known_hosts}. */
    public static KnownHosts of(Path dataFolder) {
        return new KnownHosts(List.of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")),
                dataFolder.resolve("ssh").resolve("known_hosts"));
    }

    public Path ringsideFile() {
        return ringside;
    }

    public Verdict verify(String host, int port, PublicKey key) {
        List<KnownHostEntry> matching = entries().stream().filter(e -> e.isHostMatch(host, port)).toList();
        for (KnownHostEntry entry : matching) {
            PublicKey listed = publicKey(entry.getKeyEntry());
            if (listed != null && "revoked".equalsIgnoreCase(entry.getMarker()) && KeyUtils.compareKeys(listed, key)) {
                return Verdict.REVOKED;
            }
        }
        boolean changed = false;
        for (KnownHostEntry entry : matching) {
            PublicKey listed = publicKey(entry.getKeyEntry());
            if (listed == null || entry.getMarker() != null) {
                continue; // @revoked handled above; @cert-authority: certificates are not used here
            }
            if (KeyUtils.compareKeys(listed, key)) {
                return Verdict.TRUSTED;
            }
            if (KeyUtils.getKeyType(listed).equals(KeyUtils.getKeyType(key))) {
                changed = true;
            }
        }
        return changed ? Verdict.CHANGED : Verdict.UNKNOWN;
    }

    /** Appends the key to Ringside's file (owner-only), as {@code host} or {@code [host]:port}. */
    public synchronized void accept(String host, int port, PublicKey key) {
        String pattern = port == 22 ? host : "[" + host + "]:" + port;
        String line = pattern + " " + PublicKeyEntry.toString(key) + "\n";
        try {
            Files.createDirectories(ringside.getParent());
            if (!Files.exists(ringside)) {
                Files.createFile(ringside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(ringside, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + ringside, e);
        }
    }

    /** Removes what Ringside's file says about a host (after its key was changed on purpose); the user's file stays. */
    public synchronized void forget(String host, int port) {
        if (!Files.isRegularFile(ringside)) {
            return;
        }
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(ringside, StandardCharsets.UTF_8)) {
                KnownHostEntry entry = line.isBlank() || line.startsWith("#") ? null : KnownHostEntry.parseKnownHostEntry(line);
                if (entry == null || !entry.isHostMatch(host, port)) {
                    kept.add(line);
                }
            }
            Files.write(ringside, kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite " + ringside, e);
        }
    }

    private List<KnownHostEntry> entries() {
        List<KnownHostEntry> all = new ArrayList<>();
        List<Path> files = new ArrayList<>(readOnly);
        files.add(ringside);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                all.addAll(KnownHostEntry.readKnownHostEntries(file));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Cannot read known hosts " + file + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    private static PublicKey publicKey(AuthorizedKeyEntry entry) {
        if (entry == null) {
            return null;
        }
        try {
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | java.security.GeneralSecurityException e) {
            return null;
        }
    }
}
