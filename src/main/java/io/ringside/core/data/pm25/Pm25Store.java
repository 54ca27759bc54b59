package io.ringside.core.data.pm25;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.data.storage.Keyspaces;
import io.ringside.core.data.storage.WriteConsistency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The PM2.5 tables in Cassandra: the daily series analysts chart ({@code aqdata.pm25}, one
 * partition per location) and the raw hourly readings ({@code aqdata.pm25_hourly}, one partition
 * per location and month, so a batch of consecutive hours is a single-partition write).
 * The store creates its tables on first use, so a reader on a fresh cluster sees an empty
 * series rather than an "unconfigured table" error.
 */
public final class Pm25Store {

    public static final String KEYSPACE = Keyspaces.PM25;
    public static final String DAILY_TABLE = "pm25";
    public static final String HOURLY_TABLE = "pm25_hourly";

    private final CqlSession session;
    private volatile Pm25Statements statements;

    public Pm25Store(CqlSession session) {
        this.session = session;
    }

    public CqlSession session() {
        return session;
    }

    /** Creates the keyspace and both tables if they are missing; safe to call any number of times. */
    public synchronized void ensureSchema() {
        Keyspaces.ensure(session, KEYSPACE);
        Keyspaces.ddl(session, "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + DAILY_TABLE + " ("
                + "location text, date date, avg_pm25 double, min_pm25 double, max_pm25 double, samples int, "
                + "PRIMARY KEY ((location), date))");
        Keyspaces.ddl(session, "CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + HOURLY_TABLE + " ("
                + "location text, year int, month int, day int, hour int, "
                + "pm25 double, pm10 double, so2 double, no2 double, co double, o3 double, "
                + "temp double, pres double, dewp double, rain double, wd text, wspm double, "
                + "PRIMARY KEY ((location, year, month), day, hour))");
    }

    /**
     * A streaming writer at the consistency the cluster allows right now (LOCAL_QUORUM, or ONE
     * with a node down); close or flush it to wait for the acknowledgements.
     */
    public Pm25Writer writer() {
        return new Pm25Writer(session, statements(), WriteConsistency.of(session).level());
    }

    public void writeDays(Collection<DailyPm25> days) {
        try (Pm25Writer writer = writer()) {
            days.forEach(writer::add);
        }
    }

    public void writeHourly(Collection<HourlyReading> readings) {
        try (Pm25Writer writer = writer()) {
            readings.forEach(writer::add);
        }
    }

    /** Every location with a daily series, sorted. Scans the partition keys: fine for thousands of locations. */
    /** Deletes a location's daily series (one partition); the caller drops its cached years. */
    public void deleteDaily(String location) {
        session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement
                .newInstance("DELETE FROM " + KEYSPACE + "." + DAILY_TABLE + " WHERE location = ?", location)
                .setConsistencyLevel(io.ringside.core.data.storage.WriteConsistency.of(session).level()));
    }

    public List<String> locations() {
        statements();
        List<String> names = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT DISTINCT location FROM " + KEYSPACE + "."
                        + DAILY_TABLE).setConsistencyLevel(WriteConsistency.READ).setIdempotent(true))) {
            names.add(row.getString(0));
        }
        names.sort(null);
        return names;
    }

    /** The first and last day of a location's daily series, two single-row reads at the partition's ends. */
    public Optional<DateSpan> span(String location) {
        statements();
        LocalDate first = edge(location, "ASC");
        LocalDate last = edge(location, "DESC");
        return first == null || last == null ? Optional.empty() : Optional.of(new DateSpan(first, last));
    }

    private LocalDate edge(String location, String order) {
        Row row = session.execute(SimpleStatement.newInstance("SELECT date FROM " + KEYSPACE + "." + DAILY_TABLE
                + " WHERE location = ? ORDER BY date " + order + " LIMIT 1", location)
                .setConsistencyLevel(WriteConsistency.READ).setIdempotent(true)).one();
        return row == null ? null : row.getLocalDate(0);
    }

    /** One calendar year of a location: the unit the Redis cache stores per key. */
    public List<DailyPm25> readYear(String location, int year) {
        return readRange(location, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Days from {@code from} to {@code to}, both inclusive, oldest first. */
    public List<DailyPm25> readRange(String location, LocalDate from, LocalDate to) {
        List<DailyPm25> days = new ArrayList<>();
        for (Row row : session.execute(statements().selectRange(location, from, to))) {
            days.add(new DailyPm25(location, row.getLocalDate(0), row.getDouble(1), row.getDouble(2), row.getDouble(3),
                    row.isNull(4) ? null : row.getInt(4)));
        }
        return days;
    }

    private Pm25Statements statements() {
        Pm25Statements prepared = statements;
        if (prepared == null) {
            synchronized (this) {
                if (statements == null) {
                    ensureSchema();
                    statements = new Pm25Statements(session);
                }
                prepared = statements;
            }
        }
        return prepared;
    }
}
