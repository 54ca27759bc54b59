package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CQL value as an export writes it, following DSBulk's unload defaults so the two files compare
 * equal: numbers by their {@code toString} ({@code codec.formatNumbers=false}: never rounded),
 * timestamps in ISO-8601 UTC, blobs in Base64, collections as JSON, null as nothing.
 */
final class ValueText {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ValueText() {
    }

    /** The text of a value in a CSV field; null for a null value. */
    static String csv(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            try {
                return PLAIN.writeValueAsString(jsonValue(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scalar(value);
    }

    /** Writes a value as JSON: numbers, booleans and null as themselves, collections nested. */
    static void json(JsonGenerator out, Object value) throws IOException {
        out.writeObject(jsonValue(value));
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof Float
                || value instanceof Double || value instanceof BigDecimal || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(jsonValue(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((k, v) -> object.put(k instanceof String s ? s : scalar(k), jsonValue(v)));
            return object;
        }
        return scalar(value);
    }

    private static String scalar(Object value) {
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return Base64.getEncoder().encodeToString(raw);
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof InetAddress address) {
            return address.getHostAddress();
        }
        if (value instanceof UdtValue udt) {
            return udt.getFormattedContents();
        }
        if (value instanceof TupleValue tuple) {
            return tuple.getFormattedContents();
        }
        return String.valueOf(value);
    }
}
