package io.ringside.core.stack;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Where a supervisor listens: a Unix domain socket, so only the user who owns the data folder can
 * drive the stack and no TCP port is spent. The socket is 0600 in a 0700 folder whatever the
 * umask, and every connection's peer uid ({@code SO_PEERCRED}) must be the socket owner's before a
 * command is read: file modes alone are one {@code chmod} away from letting anyone stop a server.
 * Socket paths are limited to about 100 bytes, so a deep data folder gets a socket in a private
 * folder in the temp folder named after a hash of it.
 */
final class ControlSocket {

    private static final int MAX_PATH_BYTES = 100;

    private ControlSocket() {
    }

    static Path pathFor(Path stackFolder) {
        Path preferred = stackFolder.toAbsolutePath().resolve("control.sock");
        if (preferred.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES) {
            return preferred;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(stackFolder.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"),
                    "ringside-" + HexFormat.of().formatHex(hash, 0, 8), "control.sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Binds {@code socketPath} with mode 0600 in a folder of mode 0700 owned by this user (the
     * socket is created under the umask, but nobody else can reach it through that folder before
     * its mode is set).
     */
    static ServerSocketChannel bind(Path socketPath) throws IOException {
        Path folder = socketPath.toAbsolutePath().getParent();
        OwnerOnly.folder(folder);
        if (Files.isSymbolicLink(folder)) {
            throw new IOException(folder + " is a symbolic link, not a folder of this user");
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socketPath);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socketPath));
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
            UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
            if (!owner.equals(Files.getOwner(socketPath, LinkOption.NOFOLLOW_LINKS))) {
                throw new IOException(folder + " belongs to " + owner.getName() + ", not to this user");
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * Refuses a peer whose uid is not the owner of the socket (this process's user).
     *
     * @throws StackException naming the peer's user when it is someone else
     */
    static void requireOwner(SocketChannel client, Path socketPath) throws IOException {
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        UserPrincipal owner = Files.getOwner(socketPath, LinkOption.NOFOLLOW_LINKS);
        if (!peer.user().equals(owner)) {
            throw new StackException("refused: the stack's control socket answers only its owner " + owner.getName()
                    + ", not " + peer.user().getName());
        }
    }
}
