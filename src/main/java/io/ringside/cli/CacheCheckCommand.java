package io.ringside.cli;

import io.ringside.core.Json;
import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.KeyCoherence;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.ReadableKey;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside cache check}: each cached PM2.5 year and dataset chunk against Cassandra, fresh,
 * stale or orphaned; {@code --evict-stale --yes} evicts the stale ones (audited as
 * {@code cache.evict}, refused under a read-only profile).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Re-read the source rows of cached keys (pm25 years, dataset chunks) and report each key as fresh, "
                + "stale (with the days or the chunk that differ) or orphaned (no source rows), with its TTL.",
            "Keys are shown by their readable names (pm25 · <location> · <year>, as in the console); --raw-keys shows them "
                + "escaped as 'keys' prints them, --json has both.",
            "Exit 1 when a key is stale. --evict-stale --yes evicts the stale keys (audited as cache.evict)."})
final class CacheCheckCommand implements Callable<Integer> {

    @ParentCommand
    CacheCommand cache;

    @Spec
    CommandSpec spec;

    @Option(names = "--namespace", paramLabel = "NS", description = "Only this namespace: pm25 or dataset (default: both).")
    String namespace;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
            description = "Check at most N keys per namespace, in SCAN order (default: all).")
    int sample;

    @Option(names = "--evict-stale", description = "Evict the keys found stale (needs --yes).")
    boolean evictStale;

    @Option(names = "--yes", description = "Really evict with --evict-stale; without it, only say what would be evicted.")
    boolean yes;

    @Option(names = "--json", description = "Print one JSON object (counts and every key, raw and readable) instead of a table.")
    boolean json;

    @Option(names = "--raw-keys", description = "Show keys as Redis holds them, escaped as 'keys' prints them "
            + "(for 'evict'), not their readable names.")
    boolean rawKeys;

    @Override
    public Integer call() throws Exception {
        if (namespace != null && !List.of("pm25", "dataset").contains(namespace)) {
            throw new IllegalArgumentException("--namespace must be pm25 or dataset, not '" + namespace + "'");
        }
        if (sample < 0) {
            throw new IllegalArgumentException("--sample must be 0 (all keys) or more, not " + sample);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long[] evicted = {-1};
        CoherenceReport report = DataCommandSupport.withServices(cache.main(), services -> {
            CoherenceReport found = services.coherenceCheck().run(namespace, sample);
            if (!json) {
                printTable(found, rawKeys, out);
            }
            List<String> stale = found.staleKeys();
            if (evictStale && yes && !stale.isEmpty()) {
                KeyActionResult result = KeyAdminSupport.withAdmin(cache.main(), services.backends(), err,
                        admin -> admin.evict(stale.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList()));
                evicted[0] = result.changed();
            }
            return found;
        });
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson(report, evicted[0])));
        } else if (evicted[0] >= 0) {
            out.println("evicted " + evicted[0] + (evicted[0] == 1 ? " stale key" : " stale keys"));
        }
        out.flush();
        err.println(report.summary());
        boolean anyStale = report.count(CoherenceState.STALE) > 0;
        if (evictStale && !yes && anyStale) {
            err.println("ringside: nothing evicted; add --yes to evict the " + report.count(CoherenceState.STALE)
                    + " stale key(s)");
            err.flush();
            return ExitCodes.USAGE;
        }
        err.flush();
        return anyStale ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * One row a key: state, TTL, what differs and the key, last, as the one column of no fixed
     * width. A key reads as its readable name ({@code pm25 · Hyderabad US Consulate, India (…) · 2025},
     * as the console shows it) unless {@code raw}: the URL-encoded key was unreadable for a name
     * in Devanagari, and pushed the columns after it out of line.
     */
    private static void printTable(CoherenceReport report, boolean raw, PrintWriter out) {
        int detailWidth = Math.max("DETAIL".length(),
                report.keys().stream().mapToInt(key -> key.detail().length()).max().orElse(0));
        String format = "%-8s  %8s  %-" + detailWidth + "s  %s%n";
        out.printf(Locale.ROOT, format, "STATE", "TTL", "DETAIL", "KEY");
        for (KeyCoherence key : report.keys()) {
            ReadableKey name = ReadableKey.of(key.key().getBytes(StandardCharsets.UTF_8));
            out.printf(Locale.ROOT, format, key.state().label(), key.ttlText(), key.detail(),
                    raw ? name.raw() : name.text());
        }
        out.flush();
    }

    private static Map<String, Object> asJson(CoherenceReport report, long evicted) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("namespaces", report.namespaces());
        json.put("sample", report.sample());
        json.put("checked", report.keys().size());
        for (CoherenceState state : CoherenceState.values()) {
            json.put(state.label(), report.count(state));
        }
        if (evicted >= 0) {
            json.put("evicted", evicted);
        }
        json.put("keys", report.keys().stream().map(k -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("namespace", k.namespace());
            key.put("key", k.key());
            key.put("readable", ReadableKey.of(k.key().getBytes(StandardCharsets.UTF_8)).text());
            key.put("state", k.state().label());
            key.put("ttl_ms", k.ttlMillis());
            key.put("differs", k.differences());
            key.put("detail", k.detail());
            return key;
        }).toList());
        return json;
    }
}
