package io.ringside.core.redis;

import java.util.List;

/**
 * What a pattern eviction would remove, shown before it is confirmed: the number of matching keys
 * at the time of the preview and the first few of them.
 */
public record EvictionPreview(String pattern, long count, List<byte[]> sample) {

    public EvictionPreview {
        sample = List.copyOf(sample);
    }
}
