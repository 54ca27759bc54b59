package io.ringside.cli;

import io.ringside.core.stack.StackOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code stack up}, shared with the hidden {@code stack supervise} that
 * {@code stack up --detach} starts with the same options: a new option is a field here, a line in
 * {@link #toStackOptions} and a line in {@link #arguments}.
 */
final class StackUpOptions {

    @Option(names = "--nodes", paramLabel = "1|2|3", description = "Cassandra nodes (default: as before, else 1).")
    Integer nodes;

    @Option(names = "--dcs", paramLabel = "1|2", description = "Cassandra data centres; 2 needs --nodes 3 "
            + "(nodes 1-2 in dc1, node 3 in dc2, GossipingPropertyFileSnitch). Fixed when the data folder is made.")
    Integer dcs;

    @Option(names = "--redis-cluster", description = "Also start a three-master Redis Cluster (ports after the Redis port).")
    boolean redisCluster;

    @Option(names = "--replicas", paramLabel = "0|1", description = "With --redis-cluster: replicas per master "
            + "(ports after the masters'); 1 makes the stopped-master drill possible (default: as before, else 0).")
    Integer replicas;

    @Option(names = "--secure", description = "Password login and TLS on every server (CA, certificates and passwords "
            + "generated into <data>/tls/ on first use); a stack started secure stays secure.")
    boolean secure;

    @Option(names = "--kafka-brokers", paramLabel = "1|3", description = "Kafka brokers in one KRaft quorum "
            + "(default: as before, else 1); with 3 the Ringside topics get replication factor 3, min ISR 2.")
    Integer kafkaBrokers;

    @Option(names = "--sshd", description = "Also start an SSH server on 127.0.0.1 (port near the others) that "
            + "forwards to 127.0.0.x only, for SSH tunnel tests; keys in <data>/sshd/.")
    boolean sshd;

    @Option(names = "--redis-sentinel", description = "Also start a replica of the stack's Redis and three sentinels "
            + "(master name 'ringside', quorum 2; ports after the Redis Cluster's); the local profile then "
            + "follows the master the sentinels name.")
    boolean redisSentinel;

    /** Cassandra nodes wanted; 0 keeps what the data folder has. */
    int nodes() {
        return nodes == null ? 0 : nodes;
    }

    StackOptions toStackOptions(Path data) {
        return StackOptions.builder().dataFolder(data).nodes(nodes())
                .redisCluster(redisCluster).redisClusterReplicas(replicas == null ? 0 : replicas)
                .secure(secure).datacenters(dcs == null ? 0 : dcs)
                .kafkaBrokers(kafkaBrokers == null ? 0 : kafkaBrokers).sshd(sshd)
                .redisSentinel(redisSentinel)
                .build();
    }

    /** These options as command-line arguments, for the background supervisor's command line. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (nodes != null && nodes != 0) {
            args.addAll(List.of("--nodes", Integer.toString(nodes)));
        }
        if (redisCluster) {
            args.add("--redis-cluster");
        }
        if (dcs != null) {
            args.addAll(List.of("--dcs", Integer.toString(dcs)));
        }
        if (replicas != null) {
            args.addAll(List.of("--replicas", Integer.toString(replicas)));
        }
        if (secure) {
            args.add("--secure");
        }
        if (kafkaBrokers != null) {
            args.addAll(List.of("--kafka-brokers", Integer.toString(kafkaBrokers)));
        }
        if (sshd) {
            args.add("--sshd");
        }
        if (redisSentinel) {
            args.add("--redis-sentinel");
        }
        return args;
    }
}
