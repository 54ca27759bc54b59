package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent client against OpenSSH's real {@code ssh-agent} (no SSH server): list the keys, have one sign. */
class UnixSocketAgentTest {

    @TempDir
    Path folder;

    @Test
    void listsTheKeysSshAddLoadedAndTheAgentSignsWithThem() throws Exception {
        Path key = folder.resolve("id_ecdsa");
        RealSshAgent.generate(key);
        PublicKey expected = PublicKeyEntry.parsePublicKeyEntry(Files.readString(key.resolveSibling("id_ecdsa.pub"))
                .trim()).resolvePublicKey(null, Map.of(), null);
        try (RealSshAgent agent = RealSshAgent.start(folder)) {
            try (UnixSocketAgent empty = UnixSocketAgent.connect(agent.socket())) {
                assertFalse(empty.getIdentities().iterator().hasNext(), "a new agent holds no key");
            }
            agent.add(key);
            try (UnixSocketAgent client = UnixSocketAgent.connect(agent.socket())) {
                List<PublicKey> keys = new ArrayList<>();
                client.getIdentities().forEach(identity -> keys.add(identity.getKey()));
                assertEquals(1, keys.size(), keys.toString());
                assertTrue(KeyUtils.compareKeys(expected, keys.get(0)), "the key ssh-add loaded");

                byte[] data = "session identifier and request".getBytes(StandardCharsets.UTF_8);
                Map.Entry<String, byte[]> signed = client.sign(null, keys.get(0), "ecdsa-sha2-nistp256", data);
                assertEquals("ecdsa-sha2-nistp256", signed.getKey());
                Signature verifier = BuiltinSignatures.nistp256.create();
                verifier.initVerifier(null, expected);
                verifier.update(null, data);
                assertTrue(verifier.verify(null, signed.getValue()), "the agent's signature verifies with the public key");
                // a second request on the same connection: answers are read frame by frame, nothing left over
                assertTrue(client.getIdentities().iterator().hasNext());
            }
        }
    }

    @Test
    void aSocketWithoutAnAgentIsNamedInTheError() {
        Path nowhere = folder.resolve("no-agent.sock");
        IOException refused = assertThrows(IOException.class, () -> UnixSocketAgent.connect(nowhere));
        assertTrue(refused.getMessage().contains(nowhere.toString()), refused.getMessage());
    }
}
