package io.ringside.core.data.cache;

/**
 * Turns a cached value into bytes and back. Never Java serialization: a cache that a browser or
 * another process can write must not be able to make us run code when read back.
 */
public interface ValueCodec<T> {

    byte[] encode(T value);

    /** Decodes {@code length} bytes starting at {@code offset}, without copying them first. */
    T decode(byte[] bytes, int offset, int length);

    /** Raw bytes as they are, for values that are already bytes (dataset chunks). */
    ValueCodec<byte[]> BYTES = new ValueCodec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes, int offset, int length) {
            return java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        }
    };
}
