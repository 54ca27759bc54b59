package io.ringside.core.stack.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class put in front of a server's own main in a child JVM: it exits the JVM as soon as its
 * stdin reaches end-of-file. The parent holds the write end of that pipe, so when the parent dies
 * for any reason, SIGKILL included, the kernel closes the pipe and the server shuts down through
 * its normal shutdown hooks. (A child otherwise outlives a killed parent, and pdeathsig does not
 * survive the JVM's thread model.) This class is copied alone into a tiny jar, so it must not use
 * anything but the JDK.
 */
public final class StdinWatchdog {

    private StdinWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StdinWatchdog MAIN-CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // the parent writes nothing; any bytes are ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-file
            }
            System.err.println("ringside watchdog: parent gone (stdin closed), shutting down");
            System.exit(0);
        }, "ringside-stdin-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Class<?> target = Class.forName(args[0]);
        Method main = target.getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
