package io.ringside.ui.cache;

import io.ringside.core.redis.CommandLineParser;
import io.ringside.core.redis.ConsoleResult;
import io.ringside.core.redis.RedisCommandCatalog;
import io.ringside.core.redis.RedisServices;
import java.util.function.Supplier;

/** The console gateway over the active profile's {@link RedisServices#console()}. */
final class RedisConsoleGateway implements ConsoleGateway {

    private final Supplier<RedisServices> services;

    RedisConsoleGateway(Supplier<RedisServices> services) {
        this.services = services;
    }

    @Override
    public RedisCommandCatalog catalog() {
        return services.get().console().catalog();
    }

    @Override
    public ConsoleResult run(CommandLineParser.Command command, String confirmation) {
        return services.get().console().run(command, confirmation);
    }
}
