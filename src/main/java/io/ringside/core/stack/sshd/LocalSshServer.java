package io.ringside.core.stack.sshd;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * The local stack's SSH server ({@code stack up --sshd}), run in a child JVM behind the stdin
 * watchdog: an Apache MINA SSHD server on 127.0.0.1 whose only service is local port forwarding
 * to 127.0.0.x, for testing SSH tunnels against a real server without a system sshd. No shell,
 * no exec, no remote forwarding, no agent or X11 forwarding. One user logs in with the stack's
 * key pair (authorized_keys) or, if a password file is given, with that password.
 *
 * <p>Arguments: {@code PORT HOST-KEY AUTHORIZED-KEYS USER [PASSWORD-FILE]}; every file was written
 * owner-only by the stack before the start.
 */
public final class LocalSshServer {

    /** Printed once the server listens; the stack's start reports it. */
    public static final String LISTENING = "ringside sshd listening on ";

    private LocalSshServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path hostKey = Path.of(args[1]);
        Path authorizedKeys = Path.of(args[2]);
        String user = args[3];
        byte[] password = args.length > 4 ? Files.readString(Path.of(args[4])).trim().getBytes(StandardCharsets.UTF_8)
                : null;
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        AuthorizedKeysAuthenticator keys = new AuthorizedKeysAuthenticator(authorizedKeys);
        server.setPublickeyAuthenticator((name, key, session) -> user.equals(name) && keys.authenticate(name, key, session));
        server.setPasswordAuthenticator(password == null ? null : (name, given, session) -> user.equals(name)
                && MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8)));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(new LoopbackOnly());
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.start();
        System.out.println(LISTENING + "127.0.0.1:" + port + " (user " + user + ")");
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(true);
            } catch (Exception ignored) {
                // the JVM is going anyway
            }
        }, "ringside-sshd-stop"));
        forever.await();
    }

    /** Local forwarding (direct-tcpip) to 127.0.0.x only; everything else refused. */
    static final class LoopbackOnly extends StaticDecisionForwardingFilter {

        LoopbackOnly() {
            super(false);
        }

        @Override
        public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
            return type == TcpForwardingFilter.Type.Direct && allowed(address.getHostName());
        }

        static boolean allowed(String host) {
            return host != null && (host.startsWith("127.0.0.") || "localhost".equals(host));
        }
    }
}
