package io.ringside.ui.trends;

import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.DateSpan;
import io.ringside.core.data.pm25.Pm25Trend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Trends gateway over the active profile's backends. The data services are rebuilt when the
 * profile switches (a new {@link Backends}); they are never closed here because closing them would
 * close the connection's clients, which the connection owns.
 */
public final class CacheTrendsGateway implements TrendsGateway {

    private final Supplier<Backends> backends;
    private final Path dataFolder;
    private Backends current;
    private DataServices services;

    /** @param dataFolder where cache invalidations Redis did not take are kept and replayed from */
    public CacheTrendsGateway(Supplier<Backends> backends, Path dataFolder) {
        this.backends = backends;
        this.dataFolder = dataFolder;
    }

    private synchronized DataServices services() {
        Backends now = backends.get();
        if (now != current) {
            current = now;
            services = new DataServices(now, dataFolder);
        }
        return services;
    }

    @Override
    public List<String> locations() {
        return services().pm25Store().locations();
    }

    @Override
    public Optional<DateSpan> span(String location) {
        return services().pm25Store().span(location);
    }

    @Override
    public Pm25Trend trend(String location, LocalDate from, LocalDate to, boolean bypassCache) {
        return services().pm25Cache().trend(location, from, to, bypassCache);
    }
}
