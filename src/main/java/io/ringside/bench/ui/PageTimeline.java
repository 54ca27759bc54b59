package io.ringside.bench.ui;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When each step of one page load happened, in milliseconds from the moment the benchmark asked
 * for the activation: the activation on the FX thread, each call the page made to its gateway
 * (start and end, on the worker), the data reaching the FX thread, and the pulses with the FX
 * thread's CPU in each up to ready. A page's time over its limit is the sum of these hand-overs
 * and pulses; the line says which one to cut. Steps may be marked from any thread.
 */
public final class PageTimeline {

    private long start = System.nanoTime();
    private final List<String> steps = new ArrayList<>();

    /** Time 0: the benchmark asks for the activation; steps marked before it (the page's making) count negative. */
    public synchronized void begin() {
        start = System.nanoTime();
        began = java.time.LocalTime.now();
    }

    private java.time.LocalTime began;

    /** Marks a step now (the first mark of a name counts). */
    public void mark(String step) {
        add(step, millis(System.nanoTime()));
    }

    private synchronized void add(String step, String when) {
        String prefix = step + " ";
        if (steps.stream().noneMatch(s -> s.startsWith(prefix))) {
            steps.add(prefix + when);
        }
    }

    /**
     * The gateway, each of whose calls is marked "name start-end" (the first call of each name):
     * the time the page's reads took on the worker, beside the hops around them.
     */
    @SuppressWarnings("unchecked")
    public <T> T traced(Class<T> gatewayType, T gateway) {
        InvocationHandler handler = (proxy, method, args) -> {
            long called = System.nanoTime();
            try {
                return method.invoke(gateway, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                String name = method.getName();
                if (!name.equals("toString") && !name.equals("hashCode") && !name.equals("equals")) {
                    add(name, millis(called) + "-" + millis(System.nanoTime()));
                }
            }
        };
        return (T) Proxy.newProxyInstance(gatewayType.getClassLoader(), new Class<?>[] {gatewayType}, handler);
    }

    /**
     * The steps, then the pulses {@code monitor} saw up to the first after {@code until} (nanoTime)
     * as "time:CPU", the FX thread's CPU since the pulse before (so the pulse that laid out the data
     * and ended at ready has its CPU on the next one).
     */
    public synchronized String describe(FxPauseMonitor monitor, long until) {
        StringBuilder text = new StringBuilder("from " + began + ": " + String.join(", ", steps));
        text.append("; pulses (ms: FX CPU ms)");
        boolean[] past = {false};
        monitor.eachPulse((end, cpu) -> {
            if (!past[0]) {
                past[0] = end > until;
                text.append(' ').append(millis(end)).append(':').append(String.format(Locale.ROOT, "%.1f", cpu / 1e6));
            }
        });
        return text.toString();
    }

    private String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", (nanos - start) / 1e6);
    }
}
