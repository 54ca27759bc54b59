package io.ringside.core.redis;

/**
 * Where a scan stands, for the "keys examined / DBSIZE" indicator. With a MATCH or TYPE filter
 * Redis does not say how many keys a SCAN call looked at, so {@code examined} then counts each
 * call as its COUNT hint (capped at DBSIZE); without filters it is exact.
 *
 * @param examined keys looked at so far
 * @param listed   keys delivered so far
 * @param dbSize   DBSIZE when the scan started (summed over masters)
 * @param done     the scan ended (finished, stopped or failed)
 */
public record ScanProgress(long examined, long listed, long dbSize, boolean done) {
}
