package io.ringside.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ringside.core.Json;
import io.ringside.core.MessageText;
import io.ringside.core.NotFoundException;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.LocationMatch;
import io.ringside.core.data.pm25.Pm25Limits;
import io.ringside.core.data.pm25.Pm25Trend;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside pm25 trend}: a daily series read through the cache, with hit or miss and latency. */
@Command(name = "trend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the daily PM2.5 series of a location (read through the Redis cache).")
final class Pm25TrendCommand implements Callable<Integer> {

    @ParentCommand
    Pm25Command pm25;

    @Spec
    CommandSpec spec;

    @Option(names = "--location", required = true, paramLabel = "NAME", description = {"Location: its stored name or part of it (words in any order, case and accents ignored).",
                    "One match is used (and named on stderr); several are listed (exit 2)."})
    String location;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--json", description = "Print one JSON object (location, from, to, cache, latency_us, days).")
    boolean json;

    @Option(names = "--no-cache", description = "Read Cassandra directly (cache: bypass).")
    boolean bypass;

    @Override
    public Integer call() throws Exception {
        Pm25Limits.checkTrendRange(from, to);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pm25Trend trend = DataCommandSupport.withServices(pm25.main(), services -> {
            services.connect(); // so the latency shown is the read's, not the connection set-up's
            String stored = storedName(services.pm25Store().locations(), err);
            return services.pm25Cache().trend(stored, from, to, bypass);
        });
        String cache = trend.outcome() == CacheOutcome.DEGRADED ? "miss" : trend.outcome().label();
        err.printf(Locale.ROOT, "cache %s%s, %d us, %d days%n", cache,
                trend.outcome() == CacheOutcome.DEGRADED ? " (Redis unavailable: read from Cassandra)" : "",
                trend.latencyMicros(), trend.days().size());
        err.flush();
        if (json) {
            // samples is null for days from daily files: print it as null, do not drop the field
            out.println(Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(asJson(trend, cache)));
        } else {
            out.println("date\tavg\tmin\tmax\tsamples");
            for (DailyPm25 day : trend.days()) {
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s%n", day.date(), number(day.avg()), number(day.min()),
                        number(day.max()), day.samples() == null ? "" : day.samples());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The stored name {@code --location} stands for: itself when stored, else the one name it is
     * part of (said on stderr, as the series printed is that name's).
     *
     * @throws NotFoundException when it matches no stored name
     * @throws IllegalArgumentException (exit 2) listing the names when it matches several
     */
    private String storedName(List<String> locations, PrintWriter err) {
        List<String> matches = LocationMatch.matching(location, locations);
        if (matches.isEmpty()) {
            throw new NotFoundException("No PM2.5 series for location '" + MessageText.quote(location)
                    + "' (see 'ringside pm25 locations')");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + MessageText.quote(location) + "' matches " + matches.size()
                    + " locations; give more of the name:" + matches.stream().map(m -> "\n  " + m)
                    .collect(Collectors.joining()));
        }
        String name = matches.get(0);
        if (!name.equals(location)) {
            err.println("location: " + name);
            err.flush();
        }
        return name;
    }

    private static Map<String, Object> asJson(Pm25Trend trend, String cache) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location", trend.location());
        json.put("from", trend.from().toString());
        json.put("to", trend.to().toString());
        json.put("cache", cache);
        json.put("latency_us", trend.latencyMicros());
        List<Map<String, Object>> days = trend.days().stream().map(d -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("avg", d.avg());
            day.put("min", d.min());
            day.put("max", d.max());
            day.put("samples", d.samples());
            return day;
        }).toList();
        json.put("days", days);
        return json;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
