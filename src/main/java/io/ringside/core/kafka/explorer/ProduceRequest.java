package io.ringside.core.kafka.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One record to send: key and value may be null (a tombstone), the partition null for the
 * producer's own choice by key.
 */
public record ProduceRequest(String topic, Integer partition, byte[] key, byte[] value, List<MessageHeader> headers) {

    public ProduceRequest {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public static byte[] text(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text, checked to be JSON (the error names line and column). */
    public static byte[] json(String json) {
        return MessageDecoder.requireJson(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes of a file, as they are. */
    public static byte[] file(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the value file " + file + ": " + e.getMessage(), e);
        }
    }
}
