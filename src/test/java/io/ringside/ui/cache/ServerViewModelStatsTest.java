package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.connect.Profiles;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.core.profile.ProfileServices;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Server tab's application chart fed for real: the console's per-profile services read a trend
 * through the cache, their publisher sends the counters to Kafka, and the view-model's feed shows
 * them.
 */
@ExtendWith(SharedStack.class)
class ServerViewModelStatsTest {

    @Test
    void aTrendReadOfTheConsoleShowsOnTheChartWithinTwoSeconds(TestStack stack) {
        String warm = "chart-" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = warm + "-fresh";
        LocalDate day = LocalDate.of(2024, 6, 1);
        try (CqlSession cql = stack.cql()) {
            new Pm25Store(cql).writeDays(List.of(new DailyPm25(warm, day, 10, 5, 15, 24),
                    new DailyPm25(fresh, day, 30, 25, 35, 24)));
        }
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        try (ProfileServices console = new ProfileServices(Profiles.of("chart", stack.state(), false),
                stack.dataFolder(), new SessionSecretStore(SecretPrompt.NONE))) {
            ServerViewModel server = new ServerViewModel(new RedisCacheGateway(console::redis), executor);
            console.data().pm25Cache().trend(warm, day, day, false);
            server.start(ok -> { });
            try {
                // the feed starts at the end of the topic once its consumer is positioned: read until it shows
                Await.until("the first application point", Duration.ofSeconds(30), () -> {
                    console.data().pm25Cache().trend(warm, day, day, false);
                    return any(executor, server, p -> p.namespace().equals("pm25"));
                });
                // the warm reads after the first were hits, and the topic is in order: any miss from now on is this read's
                long before = misses(executor, server);
                console.data().pm25Cache().trend(fresh, day, day, false);
                Await.until("the miss on the chart", Duration.ofSeconds(2), () -> misses(executor, server) > before);
            } finally {
                server.stop();
            }
        }
    }

    /** Reads the points as the FX thread would: the executor runs UI actions one at a time under its lock. */
    private static boolean any(CurrentThreadTaskExecutor ui, ServerViewModel server,
                               Predicate<ServerViewModel.AppPoint> wanted) {
        synchronized (ui) {
            return server.appPoints().stream().anyMatch(wanted);
        }
    }

    private static long misses(CurrentThreadTaskExecutor ui, ServerViewModel server) {
        synchronized (ui) {
            return server.appPoints().stream().filter(p -> p.namespace().equals("pm25"))
                    .mapToLong(ServerViewModel.AppPoint::misses).sum();
        }
    }
}
