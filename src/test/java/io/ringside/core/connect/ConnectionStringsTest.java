package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStringsTest {

    private static ProfileDraft draft() {
        return new ProfileDraft(ProfileDraft.defaults("p", "P"));
    }

    @Test
    void redisUrlsGiveHostPortUserDatabaseAndTlsAndThePasswordOnlyToTheSecrets() throws IOException {
        ProfileDraft draft = draft().url("rediss://ops:p%40ss:w0rd@cache.example.org:6380/4");

        ConnectionProfile.Redis redis = draft.profile().redis();
        assertEquals("cache.example.org", redis.host());
        assertEquals(6380, redis.port());
        assertEquals("ops", redis.username());
        assertEquals(4, redis.database());
        assertTrue(redis.tls().enabled());
        assertEquals("p@ss:w0rd", new String(draft.secrets().get(SecretKind.REDIS_PASSWORD)));
        assertFalse(Json.mapper().writeValueAsString(draft.profile()).contains("w0rd"));

        ConnectionProfile.Redis bare = draft().url("redis://:pw@10.0.0.5").profile().redis();
        assertEquals("default", bare.username(), "a password alone logs in as Redis's default user");
        assertEquals(6379, bare.port());
        assertFalse(bare.tls().enabled());
        assertEquals(0, draft().url("redis://h/").profile().redis().database(), "a trailing slash is database 0");
        assertEquals("m", draft().url("redis-sentinel://s/m/").profile().redis().sentinelMaster());
    }

    @Test
    void sentinelCassandraAndKafkaForms() {
        ProfileDraft draft = draft()
                .url("redis-sentinel://s1:26379,s2,[::1]:26380/cache/2")
                .url("cassandra://app:pw@c1,c2:9142/eu-west?keyspace=aqdata&tls=true")
                .url("k1:9092,k2");

        ConnectionProfile profile = draft.profile();
        assertEquals(List.of("s1:26379", "s2:26379", "[::1]:26380"), profile.redis().sentinels());
        assertEquals("cache", profile.redis().sentinelMaster());
        assertEquals(2, profile.redis().database());
        assertEquals(List.of("c1:9042", "c2:9142"), profile.cassandra().contactPoints());
        assertEquals("eu-west", profile.cassandra().localDatacenter());
        assertEquals("aqdata", profile.cassandra().keyspace());
        assertEquals("app", profile.cassandra().username());
        assertTrue(profile.cassandra().tls().enabled());
        assertEquals("k1:9092,k2:9092", profile.kafka().bootstrapServers());
        assertEquals("pw", new String(draft.secrets().get(SecretKind.CASSANDRA_PASSWORD)));
        assertEquals("k9:1", draft().url("kafka://k9:1").profile().kafka().bootstrapServers());
    }

    @Test
    void badStringsNameTheOffsetAndNeverEchoThePassword() {
        assertError("redis://h:6x79", "at offset 10: the port '6x79'");
        assertError("redis://ops:hunter2@h:0", "at offset 22: the port '0'");
        assertError("redis://h/16", "at offset 10: the database '16'");
        assertError("redis-sentinel://s1:26379", "names the master");
        assertError("redis://h1,h2", "at offset 8: one Redis server");
        assertError("cassandra://c1?keyspace=a&consistency=ONE", "at offset 26: unknown parameter 'consistency'");
        assertError("k1:9092,,k2", "at offset 8: empty host");
        assertError("mongodb://h", "at offset 0: unknown scheme 'mongodb'");
        assertError("redis://u:%zz@h", "at offset 10: '%' must be followed");
        RingsideException masked = assertThrows(RingsideException.class, () -> draft().url("redis://ops:hunter2@h:x"));
        assertFalse(masked.getMessage().contains("hunter2"), masked.getMessage());
        assertTrue(masked.getMessage().contains("redis://ops:****@h:x"), masked.getMessage());
    }

    @Test
    void aKafkaClientFileGivesSaslTlsAndUserAndErrorsNameTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "# consumer config\nbootstrap.servers=b1:9093, b2:9093\nsecurity.protocol=SASL_SSL\n"
                + "sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n"
                + "    username=\"alice\" password=\"pa ss;w=rd\";\nssl.truststore.location=/etc/kafka/truststore.jks\n"
                + "group.id=mine\n");

        ProfileDraft draft = draft().kafkaProperties(file);

        ConnectionProfile.Kafka kafka = draft.profile().kafka();
        assertEquals("b1:9093,b2:9093", kafka.bootstrapServers());
        assertEquals("PLAIN", kafka.saslMechanism());
        assertEquals("alice", kafka.username());
        assertTrue(kafka.tls().enabled());
        assertEquals("/etc/kafka/truststore.jks", kafka.tls().trustFile());
        assertNull(kafka.tls().clientCertFile());
        assertEquals("pa ss;w=rd", new String(draft.secrets().get(SecretKind.KAFKA_PASSWORD)));
        assertTrue(draft.notes().stream().anyMatch(n -> n.contains(":8: group.id not kept")), draft.notes().toString());

        Files.writeString(file, "bootstrap.servers=b1:9093\n\nsecurity.protocol=SASL_SSL\nsasl.mechanism=GSSAPI\n");
        RingsideException gssapi = assertThrows(RingsideException.class, () -> draft().kafkaProperties(file));
        assertTrue(gssapi.getMessage().startsWith(file + ":4: sasl.mechanism"), gssapi.getMessage());
        Files.writeString(file, "security.protocol=SSL\nbootstrap.servers=b1:x\n");
        RingsideException port = assertThrows(RingsideException.class, () -> draft().kafkaProperties(file));
        assertTrue(port.getMessage().startsWith(file + ":2: bootstrap.servers"), port.getMessage());
        Files.writeString(file, "security.protocol=SSL\n");
        assertTrue(assertThrows(RingsideException.class, () -> draft().kafkaProperties(file)).getMessage()
                .contains("no bootstrap.servers"));
    }

    @Test
    void sshHopsFromUserAtHost() {
        ConnectionProfile.SshHop hop = ProfileDraft.hop("ops@bastion:2200", "--ssh", "/k");
        assertEquals(new ConnectionProfile.SshHop("bastion", 2200, "ops", ConnectionProfile.SshAuth.KEY, "/k"), hop);
        assertEquals(ConnectionProfile.SshAuth.AGENT, ProfileDraft.hop("ops@bastion", "--ssh", null).auth());
        RingsideException bad = assertThrows(RingsideException.class, () -> ProfileDraft.hop("bastion", "--ssh-jump", null));
        assertTrue(bad.getMessage().startsWith("--ssh-jump 'bastion'"), bad.getMessage());
    }

    private static void assertError(String text, String expected) {
        RingsideException e = assertThrows(RingsideException.class, () -> draft().url(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
