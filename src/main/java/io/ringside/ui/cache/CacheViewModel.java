package io.ringside.ui.cache;

import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.time.Clock;

/**
 * The Cache page: key browser, value viewer, pattern eviction and server panel over one gateway.
 * Showing the page starts the server poll and the TTL tick and, the first time, lists the keys;
 * the page counts as loaded once Redis answered the first poll.
 */
public final class CacheViewModel implements PageLoad {

    private final KeyBrowserViewModel keys;
    private final ValueViewModel value;
    private final EvictionViewModel eviction;
    private final ServerViewModel server;
    private final EvictionPolicyViewModel policy;
    private final CoherenceViewModel coherence;
    private final ConsoleViewModel console;
    private final PageLoadState load = new PageLoadState();
    private boolean scanned;

    public CacheViewModel(CacheGateway gateway, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.keys = new KeyBrowserViewModel(gateway, executor, dialogs, clock);
        this.value = new ValueViewModel(gateway, executor);
        this.eviction = new EvictionViewModel(gateway, executor);
        this.server = new ServerViewModel(gateway, executor);
        this.policy = new EvictionPolicyViewModel(gateway, executor, dialogs, server.summaryProperty());
        this.coherence = new CoherenceViewModel(gateway, executor, dialogs);
        this.console = new ConsoleViewModel(gateway::console, executor);
    }

    @Override
    public void activate() {
        keys.startTicking();
        server.start(ok -> {
            if (ok) {
                load.succeeded();
            } else {
                load.failed(server.errorProperty().get());
            }
        });
        if (!scanned) {
            scanned = true;
            keys.scan();
        }
    }

    @Override
    public void deactivate() {
        keys.stopTicking();
        server.stop();
    }

    public EvictionPolicyViewModel policy() {
        return policy;
    }

    /** The Console tab. */
    public ConsoleViewModel console() {
        return console;
    }

    public KeyBrowserViewModel keys() {
        return keys;
    }

    public ValueViewModel value() {
        return value;
    }

    public EvictionViewModel eviction() {
        return eviction;
    }

    public ServerViewModel server() {
        return server;
    }

    public CoherenceViewModel coherence() {
        return coherence;
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
