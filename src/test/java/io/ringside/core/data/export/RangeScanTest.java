package io.ringside.core.data.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which queries an export reads by token range, and the statement it binds to each range: a plain
 * scan only, told from tokens, so strings, comments and quoted names do not mislead it.
 */
class RangeScanTest {

    private static final CqlIdentifier AQDATA = CqlIdentifier.fromCql("aqdata");

    /** {@code aqdata.readings} partitioned by (location, year); {@code aqdata."Mixed"} by "Id"; one aggregate. */
    private static final RangeScan.Schema SCHEMA = new RangeScan.Schema() {
        @Override
        public Optional<List<CqlIdentifier>> partitionKey(CqlIdentifier keyspace, CqlIdentifier table) {
            if (!keyspace.equals(AQDATA)) {
                return Optional.empty();
            }
            return switch (table.asInternal()) {
                case "readings" -> Optional.of(List.of(CqlIdentifier.fromCql("location"), CqlIdentifier.fromCql("year")));
                case "Mixed" -> Optional.of(List.of(CqlIdentifier.fromInternal("Id")));
                default -> Optional.empty();
            };
        }

        @Override
        public boolean isAggregate(CqlIdentifier keyspace, CqlIdentifier function) {
            return keyspace.equals(AQDATA) && function.asInternal().equals("median");
        }
    };

    private static final String RANGE = "token(location, year) > ? AND token(location, year) <= ?";

    private static Optional<String> scan(String query) {
        return RangeScan.byTokenRange(query, null, SCHEMA);
    }

    @Test
    void aWholeTableSelectGetsTheRangeAsItsWhereClause() {
        assertEquals(Optional.of("SELECT location, pm25 FROM aqdata.readings WHERE " + RANGE),
                scan("SELECT location, pm25 FROM aqdata.readings"));
    }

    @Test
    void conditionsOnOtherColumnsGetTheRangeAfterThemAndBeforeAllowFiltering() {
        assertEquals(Optional.of("SELECT * FROM aqdata.readings WHERE pm25 > 30 AND month IN (1, 2) AND " + RANGE
                        + " ALLOW FILTERING"),
                scan("SELECT * FROM aqdata.readings WHERE pm25 > 30 AND month IN (1, 2) ALLOW FILTERING"));
    }

    @Test
    void anUnqualifiedTableIsLookedUpInTheSessionKeyspaceAndATrailingSemicolonStays() {
        assertEquals(Optional.of("select * from readings where wd = 'N' AND " + RANGE + " allow filtering;"),
                RangeScan.byTokenRange("select * from readings where wd = 'N' allow filtering;", AQDATA, SCHEMA));
        assertEquals(Optional.empty(), scan("SELECT * FROM readings"), "no keyspace: not known, read whole");
    }

    @Test
    void keywordsInStringsCommentsAndQuotedNamesDoNotCount() {
        assertEquals(Optional.of("SELECT \"limit\", \"order\" FROM aqdata.readings WHERE wd = 'location = 1 LIMIT 5'"
                        + " AND " + RANGE + " /* ORDER BY day */ ALLOW FILTERING"),
                scan("SELECT \"limit\", \"order\" FROM aqdata.readings WHERE wd = 'location = 1 LIMIT 5'"
                        + " /* ORDER BY day */ ALLOW FILTERING"));
        assertEquals(Optional.of("SELECT * FROM aqdata.readings WHERE " + RANGE + " -- LIMIT 10\n"),
                scan("SELECT * FROM aqdata.readings -- LIMIT 10\n"), "the range goes before a line comment, not into it");
        assertEquals(Optional.of("SELECT count, \"location\" AS where_from FROM aqdata.readings WHERE " + RANGE),
                scan("SELECT count, \"location\" AS where_from FROM aqdata.readings"),
                "a column named count is not the aggregate; a partition key column may be selected");
    }

    @Test
    void quotedPartitionKeyNamesKeepTheirCase() {
        assertEquals(Optional.of("SELECT * FROM aqdata.\"Mixed\" WHERE id = 3 AND token(\"Id\") > ? AND token(\"Id\") <= ?"
                        + " ALLOW FILTERING"),
                scan("SELECT * FROM aqdata.\"Mixed\" WHERE id = 3 ALLOW FILTERING"), "id is another column than \"Id\"");
        assertEquals(Optional.empty(), scan("SELECT * FROM aqdata.\"Mixed\" WHERE \"Id\" = 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM aqdata.readings WHERE location = 'Aotizhongxin' AND year = 2015",
        "SELECT * FROM aqdata.readings WHERE \"location\" IN ('a', 'b') AND YEAR = 2015",
        "SELECT * FROM aqdata.readings WHERE (location, year) = ('a', 2015)",
        "SELECT * FROM aqdata.readings WHERE pm25 > 3 AND year > 2014 ALLOW FILTERING",
        "SELECT * FROM aqdata.readings WHERE token(location, year) > 0",
        "SELECT * FROM aqdata.readings LIMIT 10",
        "SELECT * FROM aqdata.readings WHERE pm25 > 3 LIMIT 10 ALLOW FILTERING",
        "SELECT * FROM aqdata.readings PER PARTITION LIMIT 1",
        "SELECT * FROM aqdata.readings WHERE pm25 > 3 ORDER BY day ALLOW FILTERING",
        "SELECT location, year, max(pm25) FROM aqdata.readings GROUP BY location, year",
        "SELECT DISTINCT location, year FROM aqdata.readings",
        "SELECT JSON * FROM aqdata.readings",
        "SELECT COUNT(*) FROM aqdata.readings",
        "SELECT avg(pm25), location FROM aqdata.readings",
        "SELECT median(pm25) FROM aqdata.readings",
        "SELECT aqdata.median(pm25) FROM aqdata.readings",
        "SELECT * FROM aqdata.readings WHERE pm25 > ? ALLOW FILTERING",
        "SELECT * FROM aqdata.readings WHERE pm25 > :low ALLOW FILTERING",
        "SELECT * FROM aqdata.readings; SELECT * FROM aqdata.readings",
        "SELECT * FROM aqdata.unknown",
        "SELECT * FROM other.readings",
        "SELECT * FROM aqdata.readings WHERE ALLOW FILTERING",
        "SELECT * FROM aqdata.readings ALLOW",
        "SELECT * FROM aqdata.readings WHERE wd = 'open",
        "INSERT INTO aqdata.readings (location, year) VALUES ('a', 1)",
    })
    void anythingButAPlainScanIsReadWhole(String query) {
        assertEquals(Optional.empty(), scan(query), query);
    }
}
