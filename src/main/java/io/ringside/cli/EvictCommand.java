package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.redis.EvictionPreview;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.KeyText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside evict}: remove cache keys, named or by pattern (preview first), audited. */
@Command(name = "evict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Remove Redis keys (UNLINK), named or matching --pattern; audited (cache.evict).",
            "Keys are written escaped as 'keys' prints them. A pattern eviction needs --yes; without it (or with",
            "--dry-run) it only prints the number of matching keys and a sample."})
public final class EvictCommand implements Callable<Integer> {

    private static final int SAMPLE = 10;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Keys to evict.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--pattern", paramLabel = "P", description = "Evict every key matching this Redis glob pattern.")
    String pattern;

    @Option(names = "--dry-run", description = "Only say what would be evicted.")
    boolean dryRun;

    @Option(names = "--yes", description = "Really evict by pattern; without it, only preview.")
    boolean yes;

    @Override
    public Integer call() {
        if ((pattern == null) == keys.isEmpty()) {
            throw new IllegalArgumentException("Name the keys to evict or give --pattern, not both or neither");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommandSupport.withBackends(main, backends -> KeyAdminSupport.withAdmin(main, backends, err, admin -> {
            if (pattern == null) {
                List<byte[]> named = KeyAdminSupport.keys(keys);
                if (dryRun) {
                    long present = admin.existing(named);
                    out.printf(Locale.ROOT, "would evict %d of %d keys%n", present, named.size());
                    out.flush();
                    return ExitCodes.OK;
                }
                return KeyAdminSupport.report(admin.evict(named), "evicted", out, err);
            }
            if (dryRun || !yes) {
                EvictionPreview preview = admin.preview(pattern, SAMPLE);
                out.printf(Locale.ROOT, "%d keys match %s%n", preview.count(), pattern);
                preview.sample().forEach(k -> out.println(KeyText.escape(k)));
                out.flush();
                if (dryRun) {
                    return ExitCodes.OK;
                }
                err.println("ringside: nothing evicted; add --yes to evict the keys matching " + pattern);
                err.flush();
                return ExitCodes.USAGE;
            }
            EvictionProgress end = admin.evictByPattern(pattern, pattern, p -> {
                err.printf(Locale.ROOT, "\revicted %d keys, %d of %d examined", p.removed(), p.scan().examined(),
                        p.scan().dbSize());
                err.flush();
            }).await();
            err.println();
            err.flush();
            out.printf(Locale.ROOT, "evicted %d keys matching %s (%s)%n", end.removed(), pattern, end.outcome());
            out.flush();
            return "ok".equals(end.outcome()) ? ExitCodes.OK : ExitCodes.CANCELLED;
        }));
    }
}
