package io.ringside.core.data.dataset;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.ringside.core.RingsideException;
import io.ringside.core.data.storage.WriteConsistency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes manifest rows ({@code datasets.dataset}); reads at LOCAL_ONE, idempotent. */
final class ManifestTable {

    private static final String COLUMNS = "name, version, kind, status, raw_bytes, chunk_count, chunk_size, sha256, "
            + "meta, created";
    private static final int MAX_VERSION_ATTEMPTS = 50;

    private final CqlSession session;
    private final PreparedStatement newest;
    private final PreparedStatement claim;
    private final PreparedStatement finish;
    private final PreparedStatement setStatus;
    private final PreparedStatement touch;
    private final PreparedStatement one;
    private final PreparedStatement versions;
    private final PreparedStatement all;
    private final PreparedStatement delete;

    ManifestTable(CqlSession session) {
        this.session = session;
        String table = DatasetSchema.MANIFEST;
        newest = session.prepare("SELECT version FROM " + table + " WHERE name = ? LIMIT 1");
        claim = session.prepare("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "IF NOT EXISTS");
        finish = session.prepare("UPDATE " + table + " SET status = ?, raw_bytes = ?, chunk_count = ?, sha256 = ?, "
                + "meta = meta + ? WHERE name = ? AND version = ?");
        setStatus = session.prepare("UPDATE " + table + " SET status = ?, meta = meta + ? WHERE name = ? AND version = ?");
        touch = session.prepare("UPDATE " + table + " SET meta = meta + ? WHERE name = ? AND version = ?");
        one = session.prepare("SELECT " + COLUMNS + " FROM " + table + " WHERE name = ? AND version = ?");
        versions = session.prepare("SELECT " + COLUMNS + " FROM " + table + " WHERE name = ?");
        all = session.prepare("SELECT " + COLUMNS + " FROM " + table);
        delete = session.prepare("DELETE FROM " + table + " WHERE name = ? AND version = ?");
    }

    /**
     * Claims the next free version with a lightweight transaction and inserts its row as
     * {@code loading}. A concurrent load of the same name that wins a number makes this one try
     * the next, so two loads never share a version.
     */
    DatasetManifest claimNextVersion(DatasetManifest draft, WriteConsistency consistency) {
        Row latest = session.execute(newest.bind(draft.name()).setConsistencyLevel(WriteConsistency.READ)
                .setIdempotent(true)).one();
        int version = latest == null ? 1 : latest.getInt("version") + 1;
        for (int attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt++, version++) {
            ResultSet result = session.execute(claim.bind(draft.name(), version, draft.kind(),
                            DatasetStatus.LOADING.label(), draft.rawBytes(), draft.chunkCount(), draft.chunkSize(),
                            null, draft.meta(), draft.created())
                    .setConsistencyLevel(consistency.level())
                    .setSerialConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL));
            if (result.wasApplied()) {
                return new DatasetManifest(draft.name(), version, draft.kind(), DatasetStatus.LOADING,
                        draft.rawBytes(), draft.chunkCount(), draft.chunkSize(), null, draft.meta(), draft.created());
            }
        }
        throw new RingsideException("Could not claim a version for dataset '" + draft.name() + "' after "
                + MAX_VERSION_ATTEMPTS + " attempts (too many concurrent loads?)");
    }

    void markComplete(DatasetManifest manifest, long rawBytes, int chunks, String sha256, Map<String, String> meta,
                      ConsistencyLevel level) {
        session.execute(finish.bind(DatasetStatus.COMPLETE.label(), rawBytes, chunks, sha256, meta,
                manifest.name(), manifest.version()).setConsistencyLevel(level).setIdempotent(true));
    }

    void setStatus(String name, int version, DatasetStatus status, Map<String, String> meta, ConsistencyLevel level) {
        session.execute(setStatus.bind(status.label(), meta, name, version).setConsistencyLevel(level)
                .setIdempotent(true));
    }

    /** The load of a {@code loading} version is alive at {@code at}; the status is left as it is. */
    void markAlive(String name, int version, Instant at, ConsistencyLevel level) {
        session.execute(touch.bind(Map.of(DatasetManifest.META_ALIVE_AT, at.toString()), name, version)
                .setConsistencyLevel(level).setIdempotent(true));
    }

    Optional<DatasetManifest> find(String name, int version, ConsistencyLevel level) {
        return Optional.ofNullable(session.execute(one.bind(name, version).setConsistencyLevel(level)
                .setIdempotent(true)).one()).map(ManifestTable::toManifest);
    }

    /** Every version of a dataset, newest first. */
    List<DatasetManifest> versions(String name) {
        List<DatasetManifest> result = new ArrayList<>();
        for (Row row : session.execute(versions.bind(name).setConsistencyLevel(WriteConsistency.READ)
                .setIdempotent(true))) {
            result.add(toManifest(row));
        }
        return result;
    }

    /** Every version of every dataset, by name and newest version first; metadata columns only. */
    List<DatasetManifest> all() {
        List<DatasetManifest> result = new ArrayList<>();
        for (Row row : session.execute(all.bind().setConsistencyLevel(WriteConsistency.READ).setIdempotent(true))) {
            result.add(toManifest(row));
        }
        result.sort(Comparator.comparing(DatasetManifest::name).thenComparing(DatasetManifest::version,
                Comparator.reverseOrder()));
        return result;
    }

    void delete(String name, int version, ConsistencyLevel level) {
        session.execute(delete.bind(name, version).setConsistencyLevel(level).setIdempotent(true));
    }

    private static DatasetManifest toManifest(Row row) {
        Instant created = row.getInstant("created");
        return new DatasetManifest(row.getString("name"), row.getInt("version"), row.getString("kind"),
                DatasetStatus.parse(row.getString("status")), row.getLong("raw_bytes"), row.getInt("chunk_count"),
                row.getInt("chunk_size"), row.getString("sha256"), row.getMap("meta", String.class, String.class),
                created);
    }
}
