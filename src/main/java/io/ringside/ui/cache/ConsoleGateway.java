package io.ringside.ui.cache;

import io.ringside.core.redis.CommandLineParser;
import io.ringside.core.redis.ConsoleResult;
import io.ringside.core.redis.RedisCommandCatalog;

/** What the Redis console tab asks of the profile's Redis; every call may block (never on the FX thread). */
public interface ConsoleGateway {

    /** The server's commands, for completion. */
    RedisCommandCatalog catalog();

    /** Runs one command; the core refuses what the profile or a missing confirmation does not allow. */
    ConsoleResult run(CommandLineParser.Command command, String confirmation);
}
