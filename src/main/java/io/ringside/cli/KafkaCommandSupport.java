package io.ringside.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.core.kafka.explorer.MessageDecoder;
import io.ringside.core.kafka.explorer.MessageHeader;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Function;

/** The Kafka services of the profile for one command, and the shapes the Kafka commands print. */
final class KafkaCommandSupport {

    private KafkaCommandSupport() {
    }

    static <T> T withKafka(Main main, PrintWriter err, Function<KafkaServices, T> work) {
        return DataCommandSupport.withBackends(main, backends -> {
            AuditLog[] used = new AuditLog[1];
            try (KafkaServices kafka = new KafkaServices(backends.kafkaProperties(), backends.accessGuard(), () -> {
                used[0] = new AuditLog(main.dataFolder(), backends.kafkaProperties(), main.profile());
                return used[0];
            })) {
                return work.apply(kafka);
            } finally {
                if (used[0] != null) {
                    DataCommandSupport.noteAudit(used[0], err);
                }
            }
        });
    }

    /** An ISO instant ({@code 2026-01-02T03:04:05Z}), an ISO date (its start, UTC) or epoch milliseconds. */
    static Instant time(String text) {
        try {
            if (text.matches("\\d{9,}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a time: '" + text
                    + "' (give 2026-01-02T03:04:05Z, 2026-01-02 or epoch milliseconds)", e);
        }
    }

    /**
     * One message as one JSON line: key and value as text when they are UTF-8, else base64 in
     * {@code key_base64} / {@code value_base64}; {@code value_size} is the whole value's length.
     */
    static String jsonLine(KafkaMessage message) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("topic", message.topic());
        line.put("partition", message.partition());
        line.put("offset", message.offset());
        line.put("timestamp", message.timestamp().toString());
        bytes(line, "key", message.key());
        bytes(line, "value", message.value());
        line.put("value_size", message.valueSize());
        if (message.valueTruncated()) {
            line.put("truncated", true);
        }
        ObjectNode headers = line.putObject("headers");
        for (MessageHeader header : message.headers()) {
            headers.put(header.key(), header.valueText());
        }
        return line.toString();
    }

    private static void bytes(ObjectNode line, String field, byte[] value) {
        if (value == null) {
            line.putNull(field);
        } else if (MessageDecoder.utf8(value).isPresent()) {
            line.put(field, MessageDecoder.utf8(value).get());
        } else {
            line.put(field + "_base64", Base64.getEncoder().encodeToString(value));
        }
    }
}
