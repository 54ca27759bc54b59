package io.ringside.core.data.dataset;

import java.util.Optional;

/** The element types the IDX format (MNIST, Fashion-MNIST) defines, by their code in byte 3. */
public enum IdxDtype {
    UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

    private final int code;
    private final int size;

    IdxDtype(int code, int size) {
        this.code = code;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<IdxDtype> ofCode(int code) {
        for (IdxDtype dtype : values()) {
            if (dtype.code == code) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }
}
