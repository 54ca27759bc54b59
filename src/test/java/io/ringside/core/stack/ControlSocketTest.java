package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.testing.TempFolders;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The control socket's modes and its owner check, without a stack (the refusal of another uid is in SecureStackTest). */
class ControlSocketTest {

    @Test
    void theSocketIs0600InA0700FolderEvenWhenTheFolderWasOpen() throws Exception {
        Path data = TempFolders.create("ringside-control-");
        try {
            Path stack = data.resolve("stack");
            Files.createDirectories(stack);
            Files.setPosixFilePermissions(stack, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path socket = ControlSocket.pathFor(stack);

            try (ServerSocketChannel server = ControlSocket.bind(socket);
                 SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stack)));
                client.connect(UnixDomainSocketAddress.of(socket));
                try (SocketChannel accepted = server.accept()) {
                    ControlSocket.requireOwner(accepted, socket);
                }
            }
        } finally {
            TempFolders.deleteQuietly(data);
        }
    }
}
