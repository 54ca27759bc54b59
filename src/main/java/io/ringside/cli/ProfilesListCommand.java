package io.ringside.cli;

import io.ringside.core.Json;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.LocalStackProfile;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles list}: the built-in local profile and the stored ones. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Profiles, one per line: id, name, Cassandra contact points, Redis, Kafka bootstrap, SSH hops, "
            + "flags (tab-separated).", "--json prints them as the profiles file holds them (no passwords)."})
final class ProfilesListCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array of profiles.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<ConnectionProfile> list = profiles.store().list().stream()
                .map(p -> p.isLocal() ? LocalStackProfile.asStored(profiles.main().dataFolder()) : p).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } else {
            for (ConnectionProfile p : list) {
                out.println(String.join("\t", p.id(), p.name(), String.join(",", p.cassandra().contactPoints()),
                        redis(p.redis()), String.valueOf(p.kafka().bootstrapServers()), ssh(p.ssh()), flags(p)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String redis(ConnectionProfile.Redis redis) {
        String scheme = redis.tls().enabled() ? "rediss" : "redis";
        if (!redis.sentinels().isEmpty()) {
            return scheme + "-sentinel://" + String.join(",", redis.sentinels()) + "/" + redis.sentinelMaster();
        }
        if (!redis.clusterSeeds().isEmpty()) {
            return "cluster:" + String.join(",", redis.clusterSeeds());
        }
        return scheme + "://" + redis.host() + ":" + redis.port() + "/" + redis.database();
    }

    private static String ssh(ConnectionProfile.Ssh ssh) {
        return ssh.enabled() ? String.join(" -> ", ssh.hops().stream()
                .map(h -> h.user() + "@" + h.host() + ":" + h.port()).toList()) : "-";
    }

    private static String flags(ConnectionProfile p) {
        return (p.isLocal() ? "built-in" : "stored") + (p.readOnly() ? ",read-only" : "");
    }
}
