package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host-key decisions on known-hosts files of both kinds, without a server. */
class KnownHostsTest {

    @TempDir
    Path folder;

    private static PublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private KnownHosts hosts(String userFile) throws Exception {
        Path openssh = folder.resolve("openssh_known_hosts");
        Files.writeString(openssh, userFile);
        return new KnownHosts(List.of(openssh), folder.resolve("ringside/known_hosts"));
    }

    @Test
    void anAcceptedKeyIsTrustedForItsHostAndPortOnlyAndTheFileIsOwnerOnly() throws Exception {
        KnownHosts hosts = hosts("");
        PublicKey key = newKey();
        assertEquals(KnownHosts.Verdict.UNKNOWN, hosts.verify("bastion", 2222, key));
        hosts.accept("bastion", 2222, key);
        assertEquals(KnownHosts.Verdict.TRUSTED, hosts.verify("bastion", 2222, key));
        assertEquals(KnownHosts.Verdict.UNKNOWN, hosts.verify("bastion", 22, key));
        assertEquals(KnownHosts.Verdict.UNKNOWN, hosts.verify("other", 2222, key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hosts.ringsideFile())));
    }

    @Test
    void theUsersOpenSshFileIsHonouredAndAnotherKeyOfTheSameTypeIsAChange() throws Exception {
        PublicKey known = newKey();
        KnownHosts hosts = hosts("# comment\nbastion.example.com,10.0.0.5 " + PublicKeyEntry.toString(known) + "\n");
        assertEquals(KnownHosts.Verdict.TRUSTED, hosts.verify("10.0.0.5", 22, known));
        assertEquals(KnownHosts.Verdict.CHANGED, hosts.verify("bastion.example.com", 22, newKey()));
        hosts.forget("bastion.example.com", 22);
        assertEquals(KnownHosts.Verdict.CHANGED, hosts.verify("bastion.example.com", 22, newKey()),
                "forget touches Ringside's file only, never the user's");
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAlsoListedAsKnown() throws Exception {
        PublicKey key = newKey();
        KnownHosts hosts = hosts("[jump]:2200 " + PublicKeyEntry.toString(key) + "\n@revoked [jump]:2200 "
                + PublicKeyEntry.toString(key) + "\n");
        assertEquals(KnownHosts.Verdict.REVOKED, hosts.verify("jump", 2200, key));
    }
}
