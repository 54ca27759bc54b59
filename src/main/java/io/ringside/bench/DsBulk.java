package io.ringside.bench;

import io.ringside.core.RingsideException;
import io.ringside.core.stack.ServerArtifacts;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DataStax Bulk Loader as the baseline of the import benchmark. It brings its own (shaded) driver
 * and Netty, so it runs in a JVM of its own from jars resolved at first use; the runner artifact
 * alone is not enough (its workflows, connectors and reactor executors are separate artifacts
 * whose absence shows as "No configuration setting found for key 'dsbulk'").
 */
public final class DsBulk {

    public static final String VERSION = "1.10.0";
    private static final String MAIN = "com.datastax.oss.dsbulk.runner.DataStaxBulkLoader";
    private static final List<String> ARTIFACTS = List.of("dsbulk-runner", "dsbulk-connectors-csv",
            "dsbulk-workflow-load", "dsbulk-workflow-unload", "dsbulk-batcher-reactor", "dsbulk-executor-reactor");
    /** DSBulk's closing summary: {@code total | failed | rows/s | p50ms | p99ms | p999ms | batches}. */
    private static final Pattern SUMMARY = Pattern.compile(
            "^\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d.,]+)\\s*\\|\\s*([\\d.,]+)\\s*\\|.*$");

    /** What one DSBulk run did, from its own summary line; wall time includes the JVM start. */
    public record Result(int exitCode, long rows, long failed, double reportedRowsPerSecond, double p99Millis,
                         Duration wall, List<String> lastLines) {

        public boolean ok() {
            return exitCode == 0 && rows > 0 && failed == 0;
        }
    }

    private DsBulk() {
    }

    public static List<Path> classpath(Consumer<String> progress) {
        // named for the workflows it holds: a classpath cached before unload was added is not reused
        return new ServerArtifacts().tool("dsbulk-" + VERSION + "-load-unload",
                ARTIFACTS.stream().map(a -> "com.datastax.oss:" + a + ":" + VERSION).toList(), progress);
    }

    /**
     * Loads the UCI Beijing multi-site CSVs of a folder into {@code aqdata.pm25_hourly}, mapping the
     * CSV header the way the Ringside importer does ({@code PM2.5} needs quoting in the mapping).
     */
    public static Result loadBeijingHourly(List<Path> classpath, Path folder, InetSocketAddress cassandra,
                                           String datacenter, Path logDir, Consumer<String> output) {
        String mapping = "\"year=year,month=month,day=day,hour=hour,\\\"PM2.5\\\"=pm25,\\\"PM10\\\"=pm10,"
                + "\\\"SO2\\\"=so2,\\\"NO2\\\"=no2,\\\"CO\\\"=co,\\\"O3\\\"=o3,\\\"TEMP\\\"=temp,\\\"PRES\\\"=pres,"
                + "\\\"DEWP\\\"=dewp,\\\"RAIN\\\"=rain,wd=wd,\\\"WSPM\\\"=wspm,station=location\"";
        List<String> command = new ArrayList<>(workflow(classpath, "load", cassandra, datacenter));
        command.addAll(List.of(
                "-k", "aqdata", "-t", "pm25_hourly",
                "-url", folder.toAbsolutePath().toString(),
                "--connector.csv.fileNamePattern", "**/*.csv.gz",
                "--connector.csv.compression", "gzip",
                "-header", "true", "-nullStrings", "NA",
                "-cl", "LOCAL_QUORUM",
                "-logDir", logDir.toAbsolutePath().toString(),
                "-m", mapping));
        return run(command, output);
    }

    /**
     * Unloads a whole table to CSV files in {@code folder} with DSBulk's defaults (a header in each
     * file, as many files as it writes in parallel).
     */
    public static Result unloadTable(List<Path> classpath, String keyspace, String table, Path folder,
                                     InetSocketAddress cassandra, String datacenter, Path logDir,
                                     Consumer<String> output) {
        List<String> command = new ArrayList<>(workflow(classpath, "unload", cassandra, datacenter));
        command.addAll(List.of("-k", keyspace, "-t", table,
                "-url", folder.toAbsolutePath().toString(),
                "-logDir", logDir.toAbsolutePath().toString()));
        return run(command, output);
    }

    /** The DSBulk JVM and its connection options, up to the workflow's own. */
    private static List<String> workflow(List<Path> classpath, String name, InetSocketAddress cassandra,
                                         String datacenter) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                MAIN, name,
                "-h", cassandra.getHostString(), "-port", Integer.toString(cassandra.getPort()),
                "-dc", datacenter);
    }

    /** Runs DSBulk to its end, reading its summary line; the wall time includes its JVM start. */
    private static Result run(List<String> command, Consumer<String> output) {
        long started = System.nanoTime();
        Deque<String> tail = new ArrayDeque<>();
        long rows = 0;
        long failed = -1;
        double rate = 0;
        double p99 = 0;
        int exit;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.accept(line);
                    tail.addLast(line);
                    if (tail.size() > 15) {
                        tail.removeFirst();
                    }
                    Matcher m = SUMMARY.matcher(line);
                    if (m.matches()) {
                        rows = number(m.group(1));
                        failed = number(m.group(2));
                        rate = number(m.group(3));
                        p99 = Double.parseDouble(m.group(5).replace(",", ""));
                    }
                }
            }
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RingsideException("DSBulk did not finish within 30 minutes");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new RingsideException("Cannot run DSBulk: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while DSBulk was running", e);
        }
        return new Result(exit, rows, failed, rate, p99, Duration.ofNanos(System.nanoTime() - started), List.copyOf(tail));
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
