package io.ringside.ui.util;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/**
 * Builds a view in steps, one per pulse, so that what one pulse styles and lays out for the first
 * time stays small: the Nodes tab's first opening styled and laid out its node table and three
 * charts in one pulse of 160-300 ms of FX-thread CPU (cold code: the first tree table, the first
 * charts in the process). The first step runs in the pulse after the next one: the next pulse
 * shows what is already in the scene. Call on the FX thread.
 */
public final class StepsPerPulse {

    private static int running;

    private StepsPerPulse() {
    }

    /** How many step sequences have steps left: a test that checks a built view waits for none. */
    public static int running() {
        return running;
    }

    /** Runs {@code steps} in order, one at the start of each pulse, from the pulse after the next. */
    public static void start(List<Runnable> steps) {
        Deque<Runnable> left = new ArrayDeque<>(steps);
        repeat(() -> {
            Runnable step = left.poll();
            if (step != null) {
                step.run();
            }
            return !left.isEmpty();
        });
    }

    /**
     * Runs {@code step} at the start of each pulse, from the pulse after the next, until it returns
     * false: for steps whose number depends on what the view shows once laid out (rows until a
     * table's viewport is full).
     */
    public static void repeat(BooleanSupplier step) {
        running++;
        new AnimationTimer() {
            private boolean waited;

            @Override
            public void handle(long now) {
                if (!waited) {
                    waited = true;
                    return;
                }
                if (!step.getAsBoolean()) {
                    stop();
                    running--;
                }
            }
        }.start();
    }
}
