package io.ringside.cli;

import io.ringside.core.RingsideException;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileDraft;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles add}: a profile from connection strings, a Kafka client file and SSH hops. */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Adds a profile from connection strings, a Kafka client file and SSH hops; passwords go to the "
                + "OS keyring, never into the profiles file.",
            "Strings (one --url per backend): redis://[user[:pw]@]host[:port][/db], rediss://... (TLS),",
            "  redis-sentinel://host:port,host:port/master[/db], host:port,host:port (Kafka bootstrap),",
            "  cassandra://[user[:pw]@]host[:port],host[:port][/localdc][?keyspace=KS&tls=true].",
            "A backend no string names stays at 127.0.0.1 on its standard port."})
final class ProfilesAddCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile's name (its id is derived from it).")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "A connection string; repeat for each backend.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "A Kafka client .properties file (bootstrap.servers, security.protocol, sasl.*, ssl.*).")
    Path kafkaProperties;

    @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]", description = "Reach every backend through this SSH host.")
    String ssh;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key for the SSH hops that have no login of their own (without one the SSH agent is used).")
    String sshKey;

    @Option(names = "--ssh-password-stdin",
            description = "The --ssh host logs in with a password, read as one line from standard input.")
    boolean sshPasswordStdin;

    @Option(names = "--ssh-jump", paramLabel = "USER@HOST[:PORT]",
            description = "A jump host in front of --ssh (the first hop; --ssh is reached through it).")
    String sshJump;

    @Option(names = "--ssh-jump-key", paramLabel = "FILE", description = "Private key for the jump host.")
    String sshJumpKey;

    @Option(names = "--ssh-jump-password-stdin",
            description = "The jump host logs in with a password, read from standard input (the first line when "
                    + "--ssh-password-stdin reads one too).")
    boolean sshJumpPasswordStdin;

    @Option(names = "--read-only", description = "Refuse every mutating action under this profile.")
    boolean readOnly;

    @Option(names = "--color", paramLabel = "#RRGGBB", description = "Colour tag shown next to the profile's name.")
    String color;

    @Override
    public Integer call() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        if (urls.isEmpty() && kafkaProperties == null) {
            throw new IllegalArgumentException("Give at least one --url or --kafka-properties");
        }
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("--color '" + color + "' is not #rrggbb");
        }
        if (sshJump != null && ssh == null) {
            throw new IllegalArgumentException("--ssh-jump needs --ssh (the host reached through the jump host)");
        }
        if (ssh == null && (sshPasswordStdin || sshKey != null)) {
            throw new IllegalArgumentException((sshKey != null ? "--ssh-key" : "--ssh-password-stdin") + " needs --ssh");
        }
        if (sshJump == null && (sshJumpKey != null || sshJumpPasswordStdin)) {
            throw new IllegalArgumentException((sshJumpKey != null ? "--ssh-jump-key" : "--ssh-jump-password-stdin")
                    + " needs --ssh-jump");
        }
        if (sshJumpKey != null && sshJumpPasswordStdin) {
            throw new IllegalArgumentException("--ssh-jump-key and --ssh-jump-password-stdin: choose one login for the jump host");
        }
        if (sshKey != null && sshPasswordStdin && (sshJump == null || sshJumpKey != null || sshJumpPasswordStdin)) {
            throw new IllegalArgumentException("--ssh-key and --ssh-password-stdin: choose one login for --ssh");
        }
        ProfileStore store = profiles.store();
        store.list().stream().filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst().ifPresent(p -> {
            throw new RingsideException("A profile named '" + p.name() + "' exists (id " + p.id()
                    + "); remove it first or choose another name");
        });
        ProfileDraft draft = new ProfileDraft(ProfileDraft.defaults(store.newId(name), name.trim()));
        try {
            urls.forEach(draft::url);
            if (kafkaProperties != null) {
                draft.kafkaProperties(kafkaProperties);
            }
            if (ssh != null) {
                draft.ssh(new ConnectionProfile.Ssh(hops(draft)));
            }
        } catch (RingsideException badInput) {
            throw new IllegalArgumentException(badInput.getMessage(), badInput);
        }
        draft.readOnly(readOnly, color);
        PrintWriter err = spec.commandLine().getErr();
        draft.notes().forEach(note -> err.println("note: " + note));
        SecretStore secrets = ProfilesCommand.secrets();
        boolean hadSecrets = !draft.secrets().isEmpty();
        ConnectionProfile saved = draft.saveTo(store, secrets);
        if (hadSecrets && !secrets.persistent()) {
            err.println("note: no OS keyring answered: the password(s) given are not kept and will be asked for "
                    + "when the profile connects");
        }
        err.flush();
        spec.commandLine().getOut().println("added profile " + saved.id() + " (" + saved.name() + ")");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * The jump host (when given) and the {@code --ssh} host, each with its own login: a password
     * from standard input, its own key, else {@code --ssh-key}, else the SSH agent.
     */
    private List<ConnectionProfile.SshHop> hops(ProfileDraft draft) {
        java.io.BufferedReader stdin = sshJumpPasswordStdin || sshPasswordStdin
                ? new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                : null;
        List<ConnectionProfile.SshHop> hops = new ArrayList<>();
        if (sshJump != null) {
            hops.add(sshJumpPasswordStdin ? draft.passwordHop(sshJump, "--ssh-jump-password-stdin", 1, line(stdin))
                    : ProfileDraft.hop(sshJump, "--ssh-jump", sshJumpKey != null ? sshJumpKey : sshKey));
        }
        int number = hops.size() + 1;
        hops.add(sshPasswordStdin ? draft.passwordHop(ssh, "--ssh-password-stdin", number, line(stdin))
                : ProfileDraft.hop(ssh, "--ssh", sshKey));
        return hops;
    }

    private static String line(java.io.BufferedReader stdin) {
        try {
            return stdin.readLine();
        } catch (java.io.IOException e) {
            throw new RingsideException("Cannot read a password from standard input: " + e.getMessage(), e);
        }
    }
}
