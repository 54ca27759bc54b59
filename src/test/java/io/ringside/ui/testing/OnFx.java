package io.ringside.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** A value read on the FX thread for a test (what a node shows, its size), at most 10 s away. */
public final class OnFx {

    private OnFx() {
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the scene", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading the scene failed", e);
        }
    }
}
