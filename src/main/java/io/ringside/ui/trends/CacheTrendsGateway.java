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
 * The Trends gateway over the active profile's data services, asked for on every call so a profile
 * switch takes effect on the next one. It never closes them: their owner does (the console's
 * {@link io.ringside.core.profile.ActiveConnection}).
 */
public final class CacheTrendsGateway implements TrendsGateway {

    private final Supplier<DataServices> services;

    public CacheTrendsGateway(Supplier<DataServices> services) {
        this.services = services;
    }

    /**
     * Over clients of the caller's own (tests): data services over them, built on first use.
     *
     * @param dataFolder where cache invalidations Redis did not take are kept and replayed from
     */
    public CacheTrendsGateway(Supplier<Backends> backends, Path dataFolder) {
        this(new Supplier<>() {
            private DataServices built;

            @Override
            public synchronized DataServices get() {
                if (built == null) {
                    built = new DataServices(backends.get(), dataFolder);
                }
                return built;
            }
        });
    }

    @Override
    public List<String> locations() {
        return services.get().pm25Store().locations();
    }

    @Override
    public Optional<DateSpan> span(String location) {
        return services.get().pm25Store().span(location);
    }

    @Override
    public Pm25Trend trend(String location, LocalDate from, LocalDate to, boolean bypassCache) {
        return services.get().pm25Cache().trend(location, from, to, bypassCache);
    }
}
