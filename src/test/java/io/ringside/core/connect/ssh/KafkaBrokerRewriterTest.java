package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;

/** Broker addresses in Kafka answers replaced by their forwards, every other field kept, at old and new versions. */
class KafkaBrokerRewriterTest {

    private final Map<String, InetSocketAddress> forwards = new HashMap<>();
    private final KafkaBrokerRewriter rewriter = new KafkaBrokerRewriter((host, port) -> forwards.computeIfAbsent(
            host + ":" + port, k -> new InetSocketAddress("127.0.0.1", 40000 + forwards.size())));

    private static byte[] frame(ApiKeys key, short version, org.apache.kafka.common.protocol.ApiMessage body) {
        ResponseHeader header = new ResponseHeader(42, key.responseHeaderVersion(version));
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int headerSize = header.size();
        ByteBuffer out = ByteBuffer.allocate(headerSize + body.size(cache, version));
        header.data().write(new ByteBufferAccessor(out), cache, header.headerVersion());
        body.write(new ByteBufferAccessor(out), cache, version);
        return out.array();
    }

    @Test
    void everyAdvertisedBrokerOfAMetadataAnswerBecomesAForwardOfItsOwn() {
        for (short version : new short[] {1, ApiKeys.METADATA.latestVersion()}) {
            MetadataResponseData data = new MetadataResponseData().setClusterId("c1").setControllerId(2);
            data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("kafka-1.internal")
                    .setPort(9092).setRack("r1"));
            data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("10.0.0.7")
                    .setPort(9093));
            byte[] rewritten = rewriter.rewrite(ApiKeys.METADATA, version, frame(ApiKeys.METADATA, version, data));

            ByteBuffer buffer = ByteBuffer.wrap(rewritten);
            assertEquals(42, ResponseHeader.parse(buffer, ApiKeys.METADATA.responseHeaderVersion(version)).correlationId());
            MetadataResponseData read = new MetadataResponseData(new ByteBufferAccessor(buffer), version);
            assertEquals(forwards.get("kafka-1.internal:9092").getPort(), read.brokers().find(1).port());
            assertEquals("127.0.0.1", read.brokers().find(1).host());
            assertEquals(forwards.get("10.0.0.7:9093").getPort(), read.brokers().find(2).port());
            assertEquals("r1", read.brokers().find(1).rack());
            if (version >= 2) {
                assertEquals("c1", read.clusterId(), "fields other than addresses are kept");
            }
        }
        assertEquals(2, forwards.size(), "one forward per broker, reused across answers");
    }

    @Test
    void theGroupCoordinatorIsReachedThroughItsForwardToo() {
        short version = ApiKeys.FIND_COORDINATOR.latestVersion();
        FindCoordinatorResponseData data = new FindCoordinatorResponseData();
        data.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-a").setNodeId(3)
                .setHost("kafka-3.internal").setPort(9092));
        byte[] rewritten = rewriter.rewrite(ApiKeys.FIND_COORDINATOR, version, frame(ApiKeys.FIND_COORDINATOR, version, data));
        ByteBuffer buffer = ByteBuffer.wrap(rewritten);
        ResponseHeader.parse(buffer, ApiKeys.FIND_COORDINATOR.responseHeaderVersion(version));
        FindCoordinatorResponseData read = new FindCoordinatorResponseData(new ByteBufferAccessor(buffer), version);
        assertEquals(forwards.get("kafka-3.internal:9092").getPort(), read.coordinators().get(0).port());
        assertEquals("group-a", read.coordinators().get(0).key());
    }
}
