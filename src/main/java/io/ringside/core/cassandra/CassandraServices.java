package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.function.Supplier;

/**
 * The Cassandra services over whatever session is current. The supplier is asked on every call,
 * so a profile switch takes effect without rebuilding the callers; the services are rebuilt only
 * when the session changes (the row pager remembers what the server supports). Lets the console
 * hold the services without depending on the driver itself.
 */
public final class CassandraServices {

    private final Supplier<CqlSession> sessions;
    private Bound bound;

    public CassandraServices(Supplier<CqlSession> sessions) {
        this.sessions = sessions;
    }

    private record Bound(CqlSession session, SchemaBrowser schema, RowPager pager, SizeEstimates estimates,
                         ClusterHealth health) {
    }

    private synchronized Bound bound() {
        CqlSession session = sessions.get();
        if (bound == null || bound.session() != session) {
            bound = new Bound(session, new SchemaBrowser(session), new RowPager(session), new SizeEstimates(session),
                    new ClusterHealth(session));
        }
        return bound;
    }

    public SchemaBrowser schema() {
        return bound().schema();
    }

    public RowPager pager() {
        return bound().pager();
    }

    public SizeEstimates estimates() {
        return bound().estimates();
    }

    public ClusterHealth health() {
        return bound().health();
    }
}
