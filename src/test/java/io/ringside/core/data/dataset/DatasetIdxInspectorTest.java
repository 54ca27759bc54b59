package io.ringside.core.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX and gzip recognition and the chunk codec, without a stack. */
class DatasetIdxInspectorTest {

    @TempDir
    Path dir;

    @Test
    void rawAndGzippedIdxAreRecognisedWithTheirShape() {
        byte[] idx = DatasetFixtures.idxImages(100, 28, 28);
        for (Path file : new Path[] {DatasetFixtures.write(dir, "a.idx", idx),
            DatasetFixtures.write(dir, "a.idx.gz", DatasetFixtures.gzip(idx))}) {
            IdxHeader header = IdxInspector.inspect(file, true).orElseThrow();
            assertEquals(100, header.count());
            assertEquals("28x28", header.meta().get("idx.dims"));
            assertEquals("ubyte", header.meta().get("idx.dtype"));
            assertEquals(16 + 100 * 28 * 28, header.expectedBytes());
        }
    }

    @Test
    void aTruncatedIdxIsRejectedWithTheOffsetWhereItEnds() {
        byte[] idx = DatasetFixtures.idxImages(100, 28, 28);
        Path file = DatasetFixtures.write(dir, "cut.idx", DatasetFixtures.truncate(idx, 50_000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(file, false));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 50000"), e.getMessage());
        assertTrue(e.getMessage().contains("promises 78416 bytes"), e.getMessage());
    }

    @Test
    void extraBytesAfterTheIdxDataAreRejected() {
        byte[] idx = DatasetFixtures.idxImages(10, 28, 28);
        byte[] longer = java.util.Arrays.copyOf(idx, idx.length + 3);
        Path file = DatasetFixtures.write(dir, "long.idx", longer);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(file, false));
        assertTrue(e.getMessage().contains("byte offset " + idx.length), e.getMessage());
    }

    @Test
    void aTruncatedGzipIsRejectedWithTheCompressedOffset() {
        byte[] gz = DatasetFixtures.gzip(DatasetFixtures.idxImages(100, 28, 28));
        int cut = gz.length / 2;
        Path file = DatasetFixtures.write(dir, "cut.idx.gz", DatasetFixtures.truncate(gz, cut));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(file, false));
        assertTrue(e.getMessage().contains("compressed byte offset " + cut), e.getMessage());
    }

    @Test
    void aGzipWithTrailingBytesCutOffIsRejectedAtItsTrailer() {
        byte[] gz = DatasetFixtures.gzip(DatasetFixtures.idxImages(100, 28, 28));
        Path file = DatasetFixtures.write(dir, "notrailer.idx.gz", DatasetFixtures.truncate(gz, gz.length - 3));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(file, false));
        assertTrue(e.getMessage().contains("compressed byte offset " + (gz.length - 3)), e.getMessage());
    }

    @Test
    void corruptDeflateDataIsRejectedNearTheDamage() {
        byte[] idxGz = DatasetFixtures.gzip(DatasetFixtures.idxImages(300, 28, 28));
        int at = idxGz.length / 2;
        for (int i = at; i < at + 16; i++) {
            idxGz[i] = (byte) ~idxGz[i];
        }
        Path file = DatasetFixtures.write(dir, "bad.idx.gz", idxGz);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(file, false));
        assertTrue(e.getMessage().contains("broken gzip at compressed byte offset"), e.getMessage());
        long offset = Long.parseLong(e.getMessage().replaceAll(".*compressed byte offset (\\d+).*", "$1"));
        assertTrue(offset >= at && offset <= idxGz.length, "offset " + offset + " vs damage at " + at);
    }

    @Test
    void autoTreatsANonIdxFileAsBinaryAndIdxKindRejectsIt() {
        Path gz = DatasetFixtures.write(dir, "random.gz", DatasetFixtures.gzip(DatasetFixtures.randomBytes(10_000, 1)));
        Path raw = DatasetFixtures.write(dir, "random.bin", DatasetFixtures.randomBytes(10_000, 1));
        assertEquals(Optional.empty(), IdxInspector.inspect(gz, false));
        assertEquals(Optional.empty(), IdxInspector.inspect(raw, false));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxInspector.inspect(raw, true));
        assertTrue(e.getMessage().contains("not an IDX file") && e.getMessage().contains("byte offset 0"), e.getMessage());
    }

    @Test
    void incompressibleSlicesStayUnderTheChunkLimitAsStandaloneGzipMembers() throws IOException {
        byte[] raw = DatasetFixtures.randomBytes(ChunkLayout.RAW_SLICE_BYTES, 3);
        byte[] gz = ChunkCodec.gzip(raw);
        assertTrue(gz.length <= ChunkLayout.MAX_CHUNK_BYTES, "chunk of " + gz.length + " bytes");
        try (GzipScanner member = new GzipScanner(new ByteArrayInputStream(gz))) {
            assertArrayEquals(raw, member.readAllBytes());
        }
        byte[] idx = DatasetFixtures.idxImages(2000, 28, 28);
        byte[] compressed = ChunkCodec.gzip(idx);
        assertTrue(compressed.length < idx.length / 2, "IDX pixels compress: " + compressed.length);
        assertArrayEquals(idx, new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes());
    }
}
