/**
 * Connecting to a data stack: connection profiles (versioned JSON, no secrets) and where their
 * secrets live (OS keyring or this session), the {@link io.ringside.core.connect.Backends} of a
 * profile with credentials and per-connection TLS, the {@link io.ringside.core.connect.AccessGuard}
 * every mutating service asks under a read-only profile, and "test connection" with failures an
 * operator can act on.
 */
package io.ringside.core.connect;
