/**
 * Cache administration over Redis: the key scanner behind the key browser and {@code ringside keys},
 * the value reader, key admin (evict, TTL, eviction policy) and server statistics. Keys are bytes
 * throughout (Redis keys are binary-safe) and shown escaped the way {@code redis-cli} does. Every
 * mutating service takes a read-only hook and records its actions, refusals included, in the audit
 * trail. No JavaFX here: the console's view-models stream from these services.
 */
package io.ringside.core.redis;
