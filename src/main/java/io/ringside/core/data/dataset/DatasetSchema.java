package io.ringside.core.data.dataset;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.data.storage.Keyspaces;

/**
 * The two tables of the store, created idempotently. Manifest rows cluster newest version first,
 * so "latest" is the first row of a partition. Chunks are partitioned by (name, version, bucket)
 * so that one version of a dataset sits in one partition up to ~100 MB and in a few beyond.
 */
public final class DatasetSchema {

    public static final String KEYSPACE = Keyspaces.DATASETS;
    static final String MANIFEST = KEYSPACE + ".dataset";
    static final String CHUNK = KEYSPACE + ".dataset_chunk";

    private DatasetSchema() {
    }

    static void ensure(CqlSession session) {
        if (exists(session)) {
            return;
        }
        Keyspaces.ensure(session, KEYSPACE);
        Keyspaces.ddl(session, "CREATE TABLE IF NOT EXISTS " + MANIFEST + " ("
                + "name text, version int, kind text, status text, raw_bytes bigint, chunk_count int, "
                + "chunk_size int, sha256 text, meta map<text, text>, created timestamp, "
                + "PRIMARY KEY (name, version)) WITH CLUSTERING ORDER BY (version DESC)");
        Keyspaces.ddl(session, "CREATE TABLE IF NOT EXISTS " + CHUNK + " ("
                + "name text, version int, bucket int, seq int, data blob, raw_bytes int, gz_bytes int, "
                + "sha256 text, PRIMARY KEY ((name, version, bucket), seq))");
    }

    /**
     * Both tables are already in the driver's schema metadata: a CLI command then skips the DDL
     * and its schema-agreement round trips, which cost more than the command itself.
     */
    private static boolean exists(CqlSession session) {
        return session.getMetadata().getKeyspace(KEYSPACE)
                .map(ks -> ks.getTable("dataset").isPresent() && ks.getTable("dataset_chunk").isPresent())
                .orElse(false);
    }
}
