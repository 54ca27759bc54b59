package io.ringside.cli;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import io.ringside.Main;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetStore;
import java.util.function.Function;

/**
 * Opens the profile's backends for one data command and closes them however it ends. Driver
 * errors become Ringside errors here, so an operator gets a one-line message and the right exit
 * code (3 when Cassandra cannot be reached) rather than a stack trace.
 */
final class DataCommandSupport {

    private DataCommandSupport() {
    }

    static <T> T withStore(Main main, Function<DatasetStore, T> work) {
        return withBackends(main, backends -> work.apply(new DatasetStore(backends.cql())));
    }

    static <T> T withServices(Main main, Function<DataServices, T> work) {
        return withBackends(main, backends -> {
            DataServices services = new DataServices(backends);
            return work.apply(services);
        });
    }

    static <T> T withBackends(Main main, Function<Backends, T> work) {
        try (Backends backends = Backends.forProfile(main.profile(), main.dataFolder())) {
            return work.apply(backends);
        } catch (AllNodesFailedException e) {
            throw new BackendUnavailableException("Cassandra is unreachable: " + e.getMessage(), e);
        } catch (DriverException e) {
            throw new RingsideException("Cassandra request failed: " + e.getMessage(), e);
        }
    }
}
