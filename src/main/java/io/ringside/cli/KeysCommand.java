package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.NotFoundException;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.ProfileKeys;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside keys}: the key browser's listing as TSV, through the same scanner. */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List Redis keys with type, TTL and size: TSV key<TAB>type<TAB>ttl_ms<TAB>bytes, no header.",
            "ttl_ms is -1 for no TTL; keys are escaped like redis-cli (\\xNN, \\t, \\n, \\\\).",
            "A pattern without glob characters is one key, looked up directly (exit 5 if it does not exist).",
            "--readable adds a fifth column: the key's readable name (pm25 · <location> · <year>, dataset · <name> · v<N> · chunk <S>)."})
public final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--pattern", paramLabel = "P", defaultValue = "*",
            description = "Redis glob pattern (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--type", paramLabel = "T", description = "Only keys of this type: string, hash, list, set, zset, stream.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Stop after N keys (default: no limit).")
    long limit;

    @Option(names = "--readable", description = "Add a fifth column, the key's readable name (Ringside's own keys decoded; others as the key).")
    boolean readable;

    @Override
    public Integer call() {
        ScanRequest request = ScanRequest.of(pattern, type, limit);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanProgress progress = DataCommandSupport.withBackends(main, backends -> {
            try (ProfileKeys keys = ProfileKeys.of(backends)) {
                return keys.scanner().scan(request, (page, p) -> {
                    for (KeyInfo key : page) {
                        out.println(readable ? key.tsvWithName() : key.tsv());
                    }
                    out.flush();
                });
            }
        });
        err.printf("%d keys listed, %d of %d examined%n", progress.listed(), progress.examined(), progress.dbSize());
        err.flush();
        if (request.exactKey() && progress.listed() == 0) {
            throw new NotFoundException("No key " + pattern + (type == null ? "" : " of type " + type));
        }
        return ExitCodes.OK;
    }
}
