/** The Streams page: Kafka topics, consumer groups with lag, and a live tail of the Ringside topics. */
package io.ringside.ui.streams;
