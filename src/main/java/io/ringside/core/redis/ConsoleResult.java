package io.ringside.core.redis;

import java.time.Duration;

/**
 * One command run from the console.
 *
 * @param command the command as the server received it, words escaped
 * @param node    {@code host:port} of the server that answered (on a cluster, the slot's master)
 */
public record ConsoleResult(String command, RespReply reply, String node, Duration elapsed) {
}
