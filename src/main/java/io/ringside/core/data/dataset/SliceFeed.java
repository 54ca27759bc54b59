package io.ringside.core.data.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the slices a load reads to the thread that validates the gzip stream, so the file is
 * read once and the bytes validated are exactly the bytes stored and hashed (a second read could
 * see a file that changed in between). At most {@code capacity} slices wait, which bounds the
 * memory a slow validation can hold; the reader then waits for it. Once the validating side has
 * stopped (it found the end it expected, or an error), further slices are dropped.
 */
final class SliceFeed extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private volatile boolean consumerDone;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    SliceFeed(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Passes a slice on, waiting while {@code capacity} slices are pending. */
    void offer(byte[] slice) throws InterruptedException {
        hand(slice);
    }

    /** Says that no slice follows: the reading side then sees the end of the stream. */
    void end() throws InterruptedException {
        hand(END);
    }

    /** Called by the validating side when it has stopped reading, so that offers no longer wait. */
    void consumerDone() {
        consumerDone = true;
        queue.clear();
    }

    private void hand(byte[] slice) throws InterruptedException {
        while (!consumerDone) {
            if (queue.offer(slice, 50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the load stopped before the gzip stream was validated");
            }
            position = 0;
            ended = current == END;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }
}
