package io.ringside.core.data.cache;

import java.nio.charset.StandardCharsets;

/** Strings as UTF-8, the simplest value the cache tests can put through Redis and back. */
final class TextCodec implements ValueCodec<String> {

    static final TextCodec UTF8 = new TextCodec();

    private TextCodec() {
    }

    @Override
    public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
