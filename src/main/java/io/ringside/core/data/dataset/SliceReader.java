package io.ringside.core.data.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Cuts a file into consecutive raw slices, each read straight into an array of its own (a slice
 * is in flight to Cassandra while the next one is read). {@code InputStream.readNBytes(int)}
 * would assemble every 5 MiB slice from hundreds of 8 KiB pieces and copy it once more, which
 * cost a load more CPU than hashing the slice.
 */
final class SliceReader implements Closeable {

    private final FileChannel channel;
    private final int sliceBytes;
    private boolean ended;

    SliceReader(Path file, int sliceBytes) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.sliceBytes = sliceBytes;
    }

    /** The next slice: {@code sliceBytes} long, shorter only at the end of the file; empty at the end. */
    byte[] next() throws IOException {
        if (ended) {
            return new byte[0];
        }
        byte[] slice = new byte[sliceBytes];
        ByteBuffer target = ByteBuffer.wrap(slice);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                ended = true;
                break;
            }
        }
        return target.position() == slice.length ? slice : Arrays.copyOf(slice, target.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
