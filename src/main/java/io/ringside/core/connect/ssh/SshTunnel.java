package io.ringside.core.connect.ssh;

import io.ringside.core.NamedThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The SSH tunnel of one profile: a session to the first jump host and, when the profile names a
 * second, a session to it through a forward of the first; and local listeners on 127.0.0.1 (ports
 * chosen at connect time, kept for the tunnel's life) whose connections each become a
 * {@code direct-tcpip} channel from the last hop to one backend endpoint. Because the listeners
 * outlive the sessions, a dropped tunnel (noticed by the keep-alive or a failed channel) is
 * re-opened by the next connection a client makes, and the clients' configured addresses stay
 * valid: nobody restarts anything. Host keys are checked by {@link KnownHosts}; an unknown one
 * stops the connect with {@link UnknownHostKeyException}, a changed one with
 * {@link SshHopException.Reason#HOST_KEY_CHANGED}.
 */
public final class SshTunnel implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SshTunnel.class);
    private static final String LOOPBACK = "127.0.0.1";
    /** How often an idle session is asked whether it is alive, and how long the answer may take. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
    /** Marks the session of a hop that logs in with the agent's keys; the other hops never see them. */
    private static final AttributeRepository.AttributeKey<Boolean> AGENT_LOGIN = new AttributeRepository.AttributeKey<>();
    /**
     * The ciphers offered, preferred first (the server takes the first of these it supports). AES-GCM
     * first: the JDK's AES and GHASH run as CPU instructions (AES-NI, carry-less multiply), while
     * MINA's ChaCha20-Poly1305 — its default first choice — is plain Java, and was most of the
     * CPU either side spent per request in {@code bench tunnel}. ChaCha20 stays last for servers
     * that offer nothing else.
     */
    static final List<BuiltinCiphers> CIPHERS = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr, BuiltinCiphers.cc20p1305_openssh);

    private final String name;
    private final List<JumpHost> hops;
    private final HopSecrets secrets;
    private final KnownHosts knownHosts;
    private final Duration timeout;
    /** The agent's socket ({@code SSH_AUTH_SOCK}), or null when there is no agent. */
    private final Path agentSocket;
    private final ExecutorService pumps = Executors.newCachedThreadPool(NamedThreads.numberedDaemons("ringside-ssh-pump"));
    private final Map<String, TunnelForward> forwards = new ConcurrentHashMap<>();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private SshClient client;
    private final List<ClientSession> sessions = new ArrayList<>();
    /** The local port the first hop forwards to the second; the host-key check tells hop 2 by it. */
    private volatile int secondHopPort = -1;
    private volatile SshHopException hostKeyFailure;

    /**
     * A tunnel whose agent hops use the agent {@code SSH_AUTH_SOCK} names.
     *
     * @param name what the tunnel belongs to (a profile's name), for logs
     */
    public SshTunnel(String name, List<JumpHost> hops, HopSecrets secrets, KnownHosts knownHosts, Duration timeout) {
        this(name, hops, secrets, knownHosts, timeout, agentSocketOfEnvironment());
    }

    /** @param agentSocket the SSH agent's Unix-domain socket for {@link JumpHost.Login#AGENT} hops; null: none */
    public SshTunnel(String name, List<JumpHost> hops, HopSecrets secrets, KnownHosts knownHosts, Duration timeout,
            Path agentSocket) {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has no SSH hops");
        }
        if (hops.size() > 2) {
            throw new IllegalArgumentException("'" + name + "' names " + hops.size()
                    + " SSH hops; at most two are supported");
        }
        this.name = name;
        this.hops = List.copyOf(hops);
        this.secrets = secrets;
        this.knownHosts = knownHosts;
        this.timeout = timeout;
        this.agentSocket = agentSocket;
    }

    /** The socket {@code SSH_AUTH_SOCK} names, as OpenSSH's {@code ssh} finds its agent; null when unset. */
    public static Path agentSocketOfEnvironment() {
        String socket = System.getenv(SshAgent.SSH_AUTHSOCKET_ENV_NAME);
        return socket == null || socket.isBlank() ? null : Path.of(socket);
    }

    public String name() {
        return name;
    }

    public KnownHosts knownHosts() {
        return knownHosts;
    }

    /** How many times the hops were logged in to: 1 after the first connect, more after each re-open. */
    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    /**
     * Opens the sessions if they are not open (or were dropped), through every hop.
     *
     * @throws SshHopException naming the hop that failed and why
     */
    public synchronized ClientSession connect() {
        if (closed.get()) {
            throw new SshHopException(1, hopName(0), SshHopException.Reason.FAILED, "the tunnel is closed", null);
        }
        ClientSession last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        if (last != null && last.isOpen() && !last.isClosing() && sessions.stream().allMatch(ClientSession::isOpen)) {
            return last;
        }
        closeSessions();
        startClient();
        try {
            ClientSession first = login(1, hops.get(0), hops.get(0).host(), hops.get(0).port());
            if (hops.size() == 2) {
                JumpHost second = hops.get(1);
                SshdSocketAddress bound;
                try {
                    bound = first.startLocalPortForwarding(new SshdSocketAddress(LOOPBACK, 0),
                            new SshdSocketAddress(second.host(), second.port()));
                } catch (IOException e) {
                    throw new SshHopException(1, hopName(0), SshHopException.Reason.FORWARD_REFUSED,
                            "cannot forward to the second hop " + second.host() + ":" + second.port() + ": " + e.getMessage(), e);
                }
                secondHopPort = bound.getPort();
                login(2, second, LOOPBACK, bound.getPort());
            }
            sessionsOpened.incrementAndGet();
            return sessions.get(sessions.size() - 1);
        } catch (RuntimeException e) {
            closeSessions();
            throw e;
        }
    }

    /**
     * {@link #connect()}, trusting an unknown host key whose fingerprint is {@code expected} (known
     * from a source of its own, such as the local stack's {@code stack.json}) by accepting it into
     * Ringside's known-hosts file; any other unknown or changed key is refused as usual.
     */
    public ClientSession connectTrusting(String expected) {
        try {
            return connect();
        } catch (UnknownHostKeyException unknown) {
            if (!unknown.fingerprint().equals(expected)) {
                throw unknown;
            }
            knownHosts.accept(unknown.host(), unknown.port(), unknown.key());
            return connect();
        }
    }

    /** Whether every hop's session is open now (no network traffic). */
    public synchronized boolean isConnected() {
        return !sessions.isEmpty() && sessions.stream().allMatch(s -> s.isOpen() && !s.isClosing());
    }

    /**
     * The local address (127.0.0.1, a port chosen on first use) whose connections reach
     * {@code host:port} as the last hop sees it; the same address for the tunnel's life.
     */
    public InetSocketAddress forward(String host, int port) {
        return forward(host, port, false);
    }

    /**
     * Like {@link #forward(String, int)} for a Kafka broker: the listener rewrites the broker
     * addresses in Metadata, DescribeCluster and FindCoordinator answers to forwards of their own,
     * so a client connects to every broker through the tunnel, whatever the brokers advertise.
     */
    public InetSocketAddress kafkaForward(String host, int port) {
        return forward(host, port, true);
    }

    private InetSocketAddress forward(String host, int port, boolean kafka) {
        if (closed.get()) {
            throw new SshHopException(1, hopName(0), SshHopException.Reason.FAILED, "the tunnel is closed", null);
        }
        String key = (kafka ? "kafka:" : "tcp:") + host + ":" + port;
        return forwards.computeIfAbsent(key, k -> TunnelForward.open(this, host, port,
                kafka ? new KafkaBrokerRewriter(this) : null, pumps)).localAddress();
    }

    /**
     * A socket whose bytes are a new channel from the last hop to {@code host:port}, re-opening the
     * tunnel first if it dropped: for clients that take a socket factory (Jedis), which then read
     * and write the SSH session without a local listener and its pump threads in between.
     *
     * @throws SshHopException naming the hop that failed and why
     */
    public java.net.Socket channelSocket(String host, int port) {
        return new ChannelSocket(openChannel(host, port), host, port);
    }

    /** Whether a local listener forwards to {@code host:port} (Kafka's or a plain one). */
    boolean hasForward(String host, int port) {
        return forwards.containsKey("tcp:" + host + ":" + port) || forwards.containsKey("kafka:" + host + ":" + port);
    }

    /** Opens a channel from the last hop to {@code host:port}, re-opening the tunnel first if it dropped. */
    ChannelDirectTcpip openChannel(String host, int port) {
        ClientSession session = connect();
        int lastHop = hops.size();
        try {
            ChannelDirectTcpip channel = session.createDirectTcpipChannel(new SshdSocketAddress(LOOPBACK, 0),
                    new SshdSocketAddress(host, port));
            channel.open().verify(timeout.toMillis());
            return channel;
        } catch (SshChannelOpenException e) {
            throw new SshHopException(lastHop, hopName(lastHop - 1), SshHopException.Reason.FORWARD_REFUSED,
                    host + ":" + port + " refused by the jump host (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof SshChannelOpenException open) {
                throw new SshHopException(lastHop, hopName(lastHop - 1), SshHopException.Reason.FORWARD_REFUSED,
                        host + ":" + port + " refused by the jump host (" + open.getMessage() + ")", e);
            }
            throw new SshHopException(lastHop, hopName(lastHop - 1), timedOut(e) ? SshHopException.Reason.TIMEOUT
                    : SshHopException.Reason.FAILED, "forward to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Checks that the last hop forwards to {@code host:port}: opens a channel there and closes it. */
    public void probe(String host, int port) {
        ChannelDirectTcpip channel = openChannel(host, port);
        channel.close(true);
    }

    private void startClient() {
        if (client != null) {
            return;
        }
        client = SshClient.setUpDefaultClient();
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, KEEP_ALIVE);
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, KEEP_ALIVE);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
        // small request/answer exchanges: without it Nagle and delayed ACKs hold answers back by up to 40 ms
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.setCipherFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(false, CIPHERS)));
        client.setServerKeyVerifier(this::verifyHostKey);
        client.setAgentFactory(new HopAgents());
        client.start();
    }

    private ClientSession login(int index, JumpHost hop, String host, int port) {
        String name = hop.describe();
        hostKeyFailure = null;
        ClientSession session;
        try {
            ConnectFuture future = client.connect(hop.user(), host, port);
            future.verify(timeout.toMillis());
            session = future.getSession();
        } catch (IOException | RuntimeException e) {
            throw connectFailure(index, name, e);
        }
        sessions.add(session);
        try {
            switch (hop.login()) {
                case PASSWORD -> session.addPasswordIdentity(new String(secret(index, false)));
                case KEY -> keyPairs(index, hop).forEach(session::addPublicKeyIdentity);
                case AGENT -> {
                    checkAgent(index, name);
                    session.setAttribute(AGENT_LOGIN, Boolean.TRUE);
                }
            }
            session.auth().verify(timeout.toMillis());
            return session;
        } catch (SshHopException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (hostKeyFailure != null) {
                throw hostKeyFailure;
            }
            if (timedOut(e)) {
                throw new SshHopException(index, name, SshHopException.Reason.TIMEOUT, "no answer to the login within "
                        + timeout.toSeconds() + " s", e);
            }
            throw new SshHopException(index, name, SshHopException.Reason.AUTH, "the server refused " + describe(hop)
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private SshHopException connectFailure(int index, String name, Exception e) {
        if (hostKeyFailure != null) {
            return hostKeyFailure;
        }
        Throwable root = rootCause(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof NoRouteToHostException) {
            return new SshHopException(index, name, SshHopException.Reason.UNREACHABLE, root.getMessage(), e);
        }
        if (timedOut(e)) {
            return new SshHopException(index, name, SshHopException.Reason.TIMEOUT, "no SSH answer within "
                    + timeout.toSeconds() + " s", e);
        }
        return new SshHopException(index, name, SshHopException.Reason.FAILED, String.valueOf(root.getMessage()), e);
    }

    private String describe(JumpHost hop) {
        return switch (hop.login()) {
            case PASSWORD -> "the password of " + hop.user();
            case KEY -> "key " + hop.keyFile() + " for " + hop.user();
            case AGENT -> "the keys of the SSH agent at " + agentSocket + " for " + hop.user();
        };
    }

    /**
     * Fails the hop with a message the user acts on when there is no agent, it does not answer,
     * or it holds no key; the login itself asks the agent again (MINA opens its own connection).
     */
    private void checkAgent(int index, String name) {
        if (agentSocket == null) {
            throw new SshHopException(index, name, SshHopException.Reason.AUTH, "the hop logs in with the SSH agent, "
                    + "but SSH_AUTH_SOCK is not set (start ssh-agent and add the key with ssh-add, or give the hop a "
                    + "key file or a password)", null);
        }
        try (UnixSocketAgent agent = UnixSocketAgent.connect(agentSocket)) {
            if (!agent.getIdentities().iterator().hasNext()) {
                throw new SshHopException(index, name, SshHopException.Reason.AUTH, "the SSH agent at " + agentSocket
                        + " holds no key (add one with ssh-add)", null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SshHopException hopFailure) {
                throw hopFailure;
            }
            throw new SshHopException(index, name, SshHopException.Reason.AUTH, "cannot reach the SSH agent at "
                    + agentSocket + " (SSH_AUTH_SOCK): " + rootCause(e).getMessage(), e);
        }
    }

    /** Gives the agent's keys to the sessions of agent hops only (MINA asks the client's agent factory per login). */
    private final class HopAgents implements SshAgentFactory {
        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            return Boolean.TRUE.equals(session.getAttribute(AGENT_LOGIN)) && agentSocket != null
                    ? UnixSocketAgent.connect(agentSocket) : null;
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("Ringside never forwards the agent to a jump host");
        }
    }

    private boolean verifyHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        int index = remote instanceof InetSocketAddress inet && hops.size() == 2 && inet.getPort() == secondHopPort ? 2 : 1;
        JumpHost hop = hops.get(index - 1);
        String fingerprint = KeyUtils.getFingerPrint(key);
        KnownHosts.Verdict verdict = knownHosts.verify(hop.host(), hop.port(), key);
        switch (verdict) {
            case TRUSTED -> {
                return true;
            }
            case UNKNOWN -> hostKeyFailure = new UnknownHostKeyException(index, hopName(index - 1), hop.host(), hop.port(),
                    key, fingerprint);
            case CHANGED -> hostKeyFailure = new SshHopException(index, hopName(index - 1),
                    SshHopException.Reason.HOST_KEY_CHANGED, "the server now offers " + key.getAlgorithm() + " key "
                    + fingerprint + ", not the one known for " + hop.host() + ":" + hop.port()
                    + ". Refused: someone may be intercepting the connection, or the host was reinstalled. If the "
                    + "change is expected, remove the old key from " + knownHosts.ringsideFile()
                    + " or ~/.ssh/known_hosts and connect again", null);
            case REVOKED -> hostKeyFailure = new SshHopException(index, hopName(index - 1),
                    SshHopException.Reason.HOST_KEY_CHANGED, "key " + fingerprint + " is marked @revoked", null);
        }
        return false;
    }

    private List<KeyPair> keyPairs(int index, JumpHost hop) {
        String name = hop.describe();
        if (hop.keyFile() == null || hop.keyFile().isBlank()) {
            throw new SshHopException(index, name, SshHopException.Reason.KEY_FILE, "no key file in the profile", null);
        }
        Path file = Path.of(hop.keyFile().startsWith("~/")
                ? System.getProperty("user.home") + hop.keyFile().substring(1) : hop.keyFile());
        AtomicBoolean asked = new AtomicBoolean();
        FilePasswordProvider passphrase = (session, resource, retry) -> {
            asked.set(true);
            return new String(secret(index, true));
        };
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> pairs = new ArrayList<>();
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, passphrase)
                    .forEach(pairs::add);
            if (pairs.isEmpty()) {
                throw new SshHopException(index, name, SshHopException.Reason.KEY_FILE, file + " holds no private key", null);
            }
            return pairs;
        } catch (NoSuchFileException e) {
            throw new SshHopException(index, name, SshHopException.Reason.KEY_FILE, file + " does not exist", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SshHopException hopFailure) {
                throw hopFailure;
            }
            if (asked.get()) {
                throw new SshHopException(index, name, SshHopException.Reason.AUTH, "wrong passphrase for key " + file
                        + " (" + rootCause(e).getMessage() + ")", e);
            }
            throw new SshHopException(index, name, SshHopException.Reason.KEY_FILE, "cannot read key " + file + ": "
                    + e.getMessage() + " (OpenSSH and PEM private keys are understood)", e);
        }
    }

    private char[] secret(int hop, boolean passphrase) {
        Optional<char[]> value = passphrase ? secrets.passphrase(hop) : secrets.password(hop);
        return value.orElseThrow(() -> new SshHopException(hop, hopName(hop - 1), SshHopException.Reason.AUTH,
                "no " + secrets.describe(hop, passphrase), null));
    }

    String hopName(int zeroBased) {
        return hops.get(zeroBased).describe();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private void closeSessions() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            sessions.get(i).close(true);
        }
        sessions.clear();
        secondHopPort = -1;
    }

    /** Drops the sessions as a network failure would; the next use re-opens them (for drills and tests). */
    public synchronized void dropSessions() {
        closeSessions();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        forwards.values().forEach(TunnelForward::close);
        forwards.clear();
        synchronized (this) {
            closeSessions();
            if (client != null) {
                client.stop();
                client = null;
            }
        }
        pumps.shutdownNow();
        LOG.debug("SSH tunnel of {} closed", name);
    }
}
