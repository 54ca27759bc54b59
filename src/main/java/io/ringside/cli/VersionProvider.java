package io.ringside.cli;

import io.ringside.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this build and the versions of the drivers and servers it works with. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "Ringside " + BuildInfo.version() + " (build " + BuildInfo.commit() + ")",
            "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            "Drivers: java-driver-core " + BuildInfo.get("cassandra.driver.version")
                    + ", Jedis " + BuildInfo.get("jedis.version")
                    + ", kafka-clients " + BuildInfo.get("kafka.clients.version")
                    + ", JavaFX " + BuildInfo.get("javafx.version"),
            "Local stack servers: Cassandra " + BuildInfo.cassandraVersion()
                    + ", Kafka " + BuildInfo.kafkaVersion()
                    + ", Redis (redis-server on PATH, else embedded-redis " + BuildInfo.get("server.embedded-redis.version") + ")",
        };
    }
}
