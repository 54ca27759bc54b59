/**
 * The data system the console administers: the PM2.5 store and its importers, the chunked
 * dataset store, and the Redis cache-aside in front of Cassandra with its metrics.
 */
package io.ringside.core.data;
