/**
 * Loads as jobs that flow through Kafka: requests on {@code ringside.jobs.requests}, progress on
 * {@code ringside.jobs.progress}, cancels on {@code ringside.jobs.control}. The CLI and the console
 * submit and watch through {@link io.ringside.core.jobs.JobClient}; any number of
 * {@link io.ringside.core.jobs.Worker}s in one consumer group run them with the data-system code.
 */
package io.ringside.core.jobs;
