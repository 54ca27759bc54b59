package io.ringside.core.data.pm25;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.ringside.core.data.storage.WriteConsistency;
import java.time.LocalDate;

/**
 * The prepared statements of the PM2.5 tables, prepared once per store. Hourly measurements that
 * are missing are left unset rather than bound to null: an explicit null is a tombstone per cell,
 * and hundreds of thousands of them would slow every later read of those partitions. The daily
 * {@code samples} is the exception: it is always bound, so re-importing a day from the daily
 * format clears a sample count an earlier hourly import left.
 */
final class Pm25Statements {

    private final PreparedStatement insertHourly;
    private final PreparedStatement insertDaily;
    private final PreparedStatement selectRange;

    Pm25Statements(CqlSession session) {
        insertHourly = session.prepare("INSERT INTO " + Pm25Store.KEYSPACE + "." + Pm25Store.HOURLY_TABLE
                + " (location, year, month, day, hour, pm25, pm10, so2, no2, co, o3, temp, pres, dewp, rain, wd, wspm)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertDaily = session.prepare("INSERT INTO " + Pm25Store.KEYSPACE + "." + Pm25Store.DAILY_TABLE
                + " (location, date, avg_pm25, min_pm25, max_pm25, samples) VALUES (?, ?, ?, ?, ?, ?)");
        selectRange = session.prepare("SELECT date, avg_pm25, min_pm25, max_pm25, samples FROM "
                + Pm25Store.KEYSPACE + "." + Pm25Store.DAILY_TABLE + " WHERE location = ? AND date >= ? AND date <= ?");
    }

    BoundStatement bindHourly(HourlyReading r) {
        BoundStatementBuilder b = insertHourly.boundStatementBuilder()
                .setString(0, r.location()).setInt(1, r.year()).setInt(2, r.month()).setInt(3, r.day()).setInt(4, r.hour());
        setIfPresent(b, 5, r.pm25());
        setIfPresent(b, 6, r.pm10());
        setIfPresent(b, 7, r.so2());
        setIfPresent(b, 8, r.no2());
        setIfPresent(b, 9, r.co());
        setIfPresent(b, 10, r.o3());
        setIfPresent(b, 11, r.temp());
        setIfPresent(b, 12, r.pres());
        setIfPresent(b, 13, r.dewp());
        setIfPresent(b, 14, r.rain());
        if (r.wd() != null) {
            b.setString(15, r.wd());
        }
        setIfPresent(b, 16, r.wspm());
        return b.build();
    }

    BoundStatement bindDaily(DailyPm25 d) {
        BoundStatementBuilder b = insertDaily.boundStatementBuilder()
                .setString(0, d.location()).setLocalDate(1, d.date())
                .setDouble(2, d.avg()).setDouble(3, d.min()).setDouble(4, d.max());
        if (d.samples() == null) {
            b.setToNull(5);
        } else {
            b.setInt(5, d.samples());
        }
        return b.build();
    }

    BoundStatement selectRange(String location, LocalDate from, LocalDate to) {
        return selectRange.bind(location, from, to)
                .setConsistencyLevel(WriteConsistency.READ)
                .setIdempotent(true);
    }

    private static void setIfPresent(BoundStatementBuilder b, int index, Double value) {
        if (value != null) {
            b.setDouble(index, value);
        }
    }
}
