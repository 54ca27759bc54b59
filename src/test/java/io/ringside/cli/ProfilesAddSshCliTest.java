package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionProfile.SshAuth;
import io.ringside.core.connect.ConnectionProfile.SshHop;
import io.ringside.core.connect.ProfileDraft;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import io.ringside.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profiles add} with a login per SSH hop: a password read from standard input or a key of
 * its own for the jump host and for the host behind it. No server: nothing connects.
 */
class ProfilesAddSshCliTest {

    @TempDir
    Path data;

    @Test
    void eachHopGetsTheLoginItsOptionsNameAndNoPasswordReachesTheProfilesFile() throws IOException {
        CliRun jumpPassword = add("jump-secret\n", "Jump password", "--url", "redis://10.0.0.5:6379",
                "--ssh-jump", "jump@bastion.example.org:2222", "--ssh-jump-password-stdin",
                "--ssh", "ops@inner.internal", "--ssh-key", "/home/ops/.ssh/id_ed25519");
        assertEquals(ExitCodes.OK, jumpPassword.exitCode(), jumpPassword.err());
        assertEquals(List.of(new SshHop("bastion.example.org", 2222, "jump", SshAuth.PASSWORD, null),
                        new SshHop("inner.internal", 22, "ops", SshAuth.KEY, "/home/ops/.ssh/id_ed25519")),
                hops("jump-password"));

        CliRun ownKeys = add("inner-secret\n", "Own keys", "--url", "redis://10.0.0.5:6379",
                "--ssh-jump", "jump@bastion.example.org", "--ssh-jump-key", "/keys/jump",
                "--ssh", "ops@inner.internal:2200", "--ssh-password-stdin");
        assertEquals(ExitCodes.OK, ownKeys.exitCode(), ownKeys.err());
        assertEquals(List.of(new SshHop("bastion.example.org", 22, "jump", SshAuth.KEY, "/keys/jump"),
                new SshHop("inner.internal", 2200, "ops", SshAuth.PASSWORD, null)), hops("own-keys"));

        CliRun both = add("first\nsecond\n", "Both passwords", "--url", "redis://10.0.0.5:6379",
                "--ssh-jump", "jump@bastion.example.org", "--ssh-jump-password-stdin",
                "--ssh", "ops@inner.internal", "--ssh-password-stdin");
        assertEquals(ExitCodes.OK, both.exitCode(), both.err());
        assertEquals(List.of(SshAuth.PASSWORD, SshAuth.PASSWORD), hops("both-passwords").stream().map(SshHop::auth).toList());

        CliRun oneHop = add("solo\n", "One hop", "--url", "redis://10.0.0.5:6379",
                "--ssh", "ops@bastion.example.org", "--ssh-password-stdin");
        assertEquals(ExitCodes.OK, oneHop.exitCode(), oneHop.err());
        assertEquals(List.of(new SshHop("bastion.example.org", 22, "ops", SshAuth.PASSWORD, null)), hops("one-hop"));

        String file = Files.readString(data.resolve("profiles.json"));
        for (String password : List.of("jump-secret", "inner-secret", "first", "second", "solo")) {
            assertFalse(file.contains(password), "no SSH password in profiles.json: " + password);
        }
    }

    @Test
    void aLoginWithoutItsHopTwoLoginsForOneHopAndAnEmptyStandardInputAreRefusedAndNothingIsSaved() {
        assertRefused("", "--ssh-jump-key needs --ssh-jump", "--ssh", "ops@inner", "--ssh-jump-key", "/keys/jump");
        assertRefused("", "--ssh-password-stdin needs --ssh", "--ssh-password-stdin");
        assertRefused("", "choose one login for the jump host", "--ssh-jump", "j@b", "--ssh-jump-key", "/k",
                "--ssh-jump-password-stdin", "--ssh", "ops@inner");
        assertRefused("", "choose one login for --ssh", "--ssh", "ops@inner", "--ssh-key", "/k", "--ssh-password-stdin");
        assertRefused("", "--ssh-password-stdin: no password given", "--ssh", "ops@inner", "--ssh-password-stdin");
        assertEquals(List.of("local"), new ProfileStore(data).list().stream().map(ConnectionProfile::id).toList());
    }

    @Test
    void aPasswordHopKeepsItsPasswordForTheSecretStoreUnderItsHopsKind() {
        ProfileDraft draft = new ProfileDraft(ProfileDraft.defaults("p", "P"));
        SshHop jump = draft.passwordHop("jump@bastion", "--ssh-jump-password-stdin", 1, "one");
        SshHop inner = draft.passwordHop("ops@inner", "--ssh-password-stdin", 2, "two");
        assertEquals(SshAuth.PASSWORD, jump.auth());
        assertEquals(SshAuth.PASSWORD, inner.auth());
        assertEquals("one", new String(draft.secrets().get(SecretKind.SSH_PASSWORD)));
        assertEquals("two", new String(draft.secrets().get(SecretKind.SSH2_PASSWORD)));
    }

    private void assertRefused(String stdin, String message, String... ssh) {
        String[] args = new String[ssh.length + 2];
        args[0] = "--url";
        args[1] = "redis://10.0.0.5:6379";
        System.arraycopy(ssh, 0, args, 2, ssh.length);
        CliRun refused = add(stdin, "Refused", args);
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains(message), refused.err());
    }

    private CliRun add(String stdin, String name, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "profiles";
        args[1] = "add";
        args[2] = name;
        System.arraycopy(options, 0, args, 3, options.length);
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.in(data, args);
        } finally {
            System.setIn(before);
        }
    }

    private List<SshHop> hops(String id) {
        return new ProfileStore(data).get(id).ssh().hops();
    }
}
