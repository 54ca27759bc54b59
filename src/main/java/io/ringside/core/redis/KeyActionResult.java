package io.ringside.core.redis;

import java.util.List;

/**
 * What a TTL edit or an eviction of listed keys did: how many keys it changed and, per key, the
 * ones it could not (so a console can leave exactly those selected).
 */
public record KeyActionResult(long changed, List<KeyFailure> failed) {

    public KeyActionResult {
        failed = List.copyOf(failed);
    }

    public boolean complete() {
        return failed.isEmpty();
    }
}
