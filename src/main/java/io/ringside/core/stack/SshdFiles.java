package io.ringside.core.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * The key material of the local stack's SSH server, in {@code <data>/sshd/}, generated once and
 * owner-only: the server's host key, and a client key pair for tunnel tests and local profiles,
 * written as an OpenSSH private key encrypted with a passphrase kept in a file of its own (the
 * form a real user's key usually has), its public half in {@code authorized_keys}; and a password
 * for password login. ECDSA P-256 keys: the JDK has them without an extra provider.
 */
public final class SshdFiles {

    /** The one user the local SSH server accepts. */
    public static final String USER = "ringside";

    private final Path folder;

    private SshdFiles(Path folder) {
        this.folder = folder;
    }

    public static SshdFiles of(Path dataFolder) {
        return new SshdFiles(dataFolder.resolve("sshd"));
    }

    public Path folder() {
        return folder;
    }

    public Path hostKey() {
        return folder.resolve("ssh_host_ecdsa_key");
    }

    public Path authorizedKeys() {
        return folder.resolve("authorized_keys");
    }

    /** The client's private key (OpenSSH format, encrypted with {@link #passphraseFile()}). */
    public Path clientKey() {
        return folder.resolve("client/id_ecdsa");
    }

    public Path passphraseFile() {
        return folder.resolve("client/passphrase");
    }

    public Path passwordFile() {
        return folder.resolve("password");
    }

    /** Creates whatever is missing; existing keys are kept, so host key and client key stay the same across starts. */
    public SshdFiles ensure() {
        try {
            OwnerOnly.folder(folder);
            OwnerOnly.folder(folder.resolve("client"));
            if (!Files.isRegularFile(hostKey())) {
                KeyPair host = newKeyPair();
                StackSecurity.writePrivate(hostKey(), privateKeyText(host, null, "ringside local sshd host key"));
                StackSecurity.writePrivate(Path.of(hostKey() + ".pub"), publicKeyLine(host.getPublic(), "ringside-sshd"));
            }
            if (!Files.isRegularFile(clientKey())) {
                String passphrase = StackSecurity.randomPassword();
                KeyPair client = newKeyPair();
                StackSecurity.writePrivate(passphraseFile(), passphrase + "\n");
                StackSecurity.writePrivate(clientKey(), privateKeyText(client, passphrase, USER + "@ringside-local"));
                StackSecurity.writePrivate(Path.of(clientKey() + ".pub"), publicKeyLine(client.getPublic(), USER));
                StackSecurity.writePrivate(authorizedKeys(), publicKeyLine(client.getPublic(), USER));
            }
            if (!Files.isRegularFile(passwordFile())) {
                StackSecurity.writePrivate(passwordFile(), StackSecurity.randomPassword() + "\n");
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the SSH server's keys in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new StackException("Cannot generate the SSH server's keys: " + e.getMessage(), e);
        }
    }

    public String passphrase() {
        return read(passphraseFile());
    }

    public String password() {
        return read(passwordFile());
    }

    /** The host key's SHA256 fingerprint, as {@code ssh-keygen -lf} prints it. */
    public String hostKeyFingerprint() {
        try {
            KeyPair pair = new FileKeyPairProvider(hostKey()).loadKeys(null).iterator().next();
            return KeyUtils.getFingerPrint(pair.getPublic());
        } catch (RuntimeException e) {
            throw new StackException("Cannot read the SSH host key " + hostKey() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the host key with a new one: clients that trusted the old key must refuse the server. */
    public void regenerateHostKey() {
        try {
            KeyPair host = newKeyPair();
            StackSecurity.writePrivate(hostKey(), privateKeyText(host, null, "ringside local sshd host key"));
            StackSecurity.writePrivate(Path.of(hostKey() + ".pub"), publicKeyLine(host.getPublic(), "ringside-sshd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new StackException("Cannot generate an SSH host key: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String privateKeyText(KeyPair pair, String passphrase, String comment)
            throws IOException, GeneralSecurityException {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setCipherMode("CTR");
            encryption.setPassword(passphrase);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, encryption, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String publicKeyLine(PublicKey key, String comment) {
        return PublicKeyEntry.toString(key) + " " + comment + "\n";
    }
}
