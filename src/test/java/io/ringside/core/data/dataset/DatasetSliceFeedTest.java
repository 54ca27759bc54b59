package io.ringside.core.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The hand-over of a load's slices to the gzip validation, without servers. */
class DatasetSliceFeedTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void slicesReachTheReaderInOrderThenTheStreamEnds() {
        byte[] idx = DatasetFixtures.idxNoisyImages(100, 28, 28, 1);
        byte[] gz = DatasetFixtures.gzip(idx);
        SliceFeed feed = new SliceFeed(2);

        byte[] decoded = assertTimeoutPreemptively(DEADLINE, () -> {
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try (GzipScanner in = new GzipScanner(feed)) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            offerInSlices(feed, gz, 1000);
            feed.end();
            return reader.join();
        });

        assertArrayEquals(idx, decoded);
    }

    @Test
    void validationOverTheFeedNamesTheSameOffsetAsOverTheFile() {
        byte[] gz = DatasetFixtures.gzip(DatasetFixtures.idxNoisyImages(300, 28, 28, 2));
        int damage = gz.length / 2;
        for (int i = damage; i < damage + 16; i++) {
            gz[i] = (byte) ~gz[i];
        }
        Path file = Path.of("damaged.idx.gz");
        IdxHeader header = new IdxHeader(IdxDtype.UBYTE, new int[] {300, 28, 28}, true);
        SliceFeed feed = new SliceFeed(1);

        InvalidInputException fromFeed = assertTimeoutPreemptively(DEADLINE, () -> {
            CompletableFuture<Void> validation = CompletableFuture.runAsync(() -> IdxInspector.validate(file, header, feed))
                    .whenComplete((ok, error) -> feed.consumerDone());
            offerInSlices(feed, gz, 4096);
            feed.end();
            return (InvalidInputException) assertThrows(Exception.class, validation::join).getCause();
        });
        InvalidInputException fromBytes = assertThrows(InvalidInputException.class,
                () -> IdxInspector.validate(file, header, new java.io.ByteArrayInputStream(gz)));

        assertEquals(fromBytes.getMessage(), fromFeed.getMessage());
    }

    @Test
    void aReaderThatStoppedEarlyNeverHoldsTheLoadUp() {
        SliceFeed feed = new SliceFeed(1);
        feed.consumerDone();

        assertTimeoutPreemptively(DEADLINE, () -> {
            for (int i = 0; i < 10; i++) {
                feed.offer(new byte[1024]);
            }
            feed.end();
        });
    }

    private static void offerInSlices(SliceFeed feed, byte[] data, int sliceBytes) throws InterruptedException {
        for (int offset = 0; offset < data.length; offset += sliceBytes) {
            feed.offer(Arrays.copyOfRange(data, offset, Math.min(data.length, offset + sliceBytes)));
        }
    }
}
