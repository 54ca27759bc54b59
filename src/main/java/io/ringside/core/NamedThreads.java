package io.ringside.core;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where core's threads come from. Each is named for its job, so a thread dump or a log line says
 * which part of Ringside a thread belongs to, and each is a daemon: a feed, a scan or a pool left
 * open must never keep a finished CLI command or a closed console alive. Starting a thread stays
 * with the caller. The one exception is {@code StdinWatchdog}, which runs alone in a server's JVM
 * and may use nothing but the JDK.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** A daemon thread called {@code name} that runs {@code body}; not started. */
    public static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(Objects.requireNonNull(body), Objects.requireNonNull(name));
        thread.setDaemon(true);
        return thread;
    }

    /** For pools: every thread a daemon called {@code name}. */
    public static ThreadFactory daemons(String name) {
        Objects.requireNonNull(name);
        return body -> daemon(name, body);
    }

    /** For pools whose threads should be told apart: daemons called {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numberedDaemons(String prefix) {
        Objects.requireNonNull(prefix);
        AtomicInteger count = new AtomicInteger();
        return body -> daemon(prefix + "-" + count.incrementAndGet(), body);
    }
}
