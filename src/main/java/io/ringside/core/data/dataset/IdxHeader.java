package io.ringside.core.data.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parsed header of an IDX file. {@link #expectedBytes()} is what the header promises
 * (4 + 4·ndims + prod(dims)·sizeof(dtype)), the measure a truncated download is caught by.
 */
public record IdxHeader(IdxDtype dtype, int[] dims, boolean gzipped) {

    public long count() {
        return dims[0];
    }

    public long expectedBytes() {
        long elements = 1;
        for (int dim : dims) {
            elements = Math.multiplyExact(elements, (long) dim);
        }
        return Math.addExact(4L + 4L * dims.length, Math.multiplyExact(elements, (long) dtype.size()));
    }

    /** Shape of one record, e.g. {@code 28x28} for images, {@code 1} for labels. */
    public String recordShape() {
        return dims.length == 1 ? "1" : Arrays.stream(dims, 1, dims.length).mapToObj(Integer::toString)
                .collect(Collectors.joining("x"));
    }

    /** The manifest entries an analyst (or a training job) needs without reading a chunk. */
    public Map<String, String> meta() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("idx.count", Long.toString(count()));
        meta.put("idx.dims", recordShape());
        meta.put("idx.shape", Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x")));
        meta.put("idx.dtype", dtype.label());
        meta.put("idx.gzip", Boolean.toString(gzipped));
        return meta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxHeader other && dtype == other.dtype && gzipped == other.gzipped
                && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(dims)) + Boolean.hashCode(gzipped);
    }

    @Override
    public String toString() {
        return "IDX " + dtype.label() + " " + meta().get("idx.shape") + (gzipped ? " (gzip)" : "");
    }
}
