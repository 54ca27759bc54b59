package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three brokers in {@code stack.json} and the options: what status, drills and the profile read. */
class KafkaBrokersStateTest {

    private static StackState threeBrokers() {
        StackState sample = StateFileTest.sample();
        List<StackState.KafkaBroker> brokers = List.of(new StackState.KafkaBroker(1, 9092, 9093, true, 999_999_921L),
                new StackState.KafkaBroker(2, 9094, 9095, true, 999_999_922L),
                new StackState.KafkaBroker(3, 9096, 9097, true, 999_999_923L));
        return sample.withKafka(new StackState.Kafka("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096", "127.0.0.1",
                9092, 9093, "abc", true, 999_999_921L, "4.1.1", brokers));
    }

    @Test
    void everyBrokerIsRecordedAndAStateWithoutBrokersReadsAsOne(@TempDir Path dir) throws IOException {
        StateFile file = new StateFile(dir);
        file.write(threeBrokers());
        assertEquals(threeBrokers(), file.read().orElseThrow());
        String json = Files.readString(dir.resolve("stack.json"));
        assertTrue(json.contains("\"controller_port\" : 9097"), json);

        file.write(StateFileTest.sample());
        Files.writeString(dir.resolve("stack.json"), Files.readString(dir.resolve("stack.json"))
                .replaceAll("(?s),\\s*\"brokers\" : \\[ \\]", ""));
        StackState.Kafka old = file.read().orElseThrow().kafka();
        assertEquals(List.of(), old.brokers());
        assertEquals(List.of(new StackState.KafkaBroker(1, 9092, 9093, true, 999_999_912L)), old.brokerList());
    }

    @Test
    void oneBrokerDownMakesKafkaNotUpAndKeepsTheOthers() {
        StackState.Kafka kafka = threeBrokers().kafka();
        StackState.Kafka down = kafka.withBroker(kafka.broker(2).withStatus(false, null));
        assertFalse(down.up());
        assertEquals(List.of(true, false, true), down.brokers().stream().map(StackState.KafkaBroker::up).toList());
        assertEquals(999_999_921L, down.pid(), "broker 1's pid");
        assertTrue(down.withBroker(down.broker(2).withStatus(true, 5L)).up());
    }

    @Test
    void brokersTakePortPairsThatMoveWithTheOffsetAndOnlyOneOrThreeAreOffered() {
        StackOptions options = StackOptions.defaults(Path.of("x")).withPortOffset(1000).withKafkaBrokers(3);
        assertEquals(List.of(10092, 10094, 10096), List.of(options.kafkaPort(1), options.kafkaPort(2), options.kafkaPort(3)));
        assertEquals(10097, options.controllerPort(3));
        assertTrue(options.preferredPorts().containsAll(List.of(10094, 10095, 10096, 10097)));
        assertThrows(IllegalArgumentException.class, () -> options.withKafkaBrokers(2));
    }
}
