/**
 * What an operator does with a Kafka cluster by hand, the everyday tasks of kafka-ui and AKHQ:
 * a topic's detail, browsing and searching its messages, decoding them (Ringside's own topics as
 * what they are), producing one, moving or deleting a consumer group's offsets and administering
 * topics. Every change passes the profile's {@link io.ringside.core.connect.AccessGuard} and is
 * audited. {@link io.ringside.core.kafka.explorer.KafkaServices} hangs off the profile's session.
 */
package io.ringside.core.kafka.explorer;
