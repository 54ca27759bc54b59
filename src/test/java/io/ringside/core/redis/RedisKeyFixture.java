package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Keys seeded under a prefix of their own for one test, deleted afterwards. */
final class RedisKeyFixture implements AutoCloseable {

    static final String[] TYPES = {"string", "hash", "list", "set", "zset"};

    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final Jedis redis;

    RedisKeyFixture(Jedis redis) {
        this.redis = redis;
    }

    String key(String rest) {
        return prefix + rest;
    }

    /** {@code count} keys {@code <prefix><type>:<i>}, types in turn; every third has a TTL of an hour. */
    List<String> seed(int count) {
        List<String> keys = new ArrayList<>();
        Pipeline pipeline = redis.pipelined();
        for (int i = 0; i < count; i++) {
            String type = TYPES[i % TYPES.length];
            String key = prefix + type + ":" + i;
            switch (type) {
                case "string" -> pipeline.set(key, "v" + i);
                case "hash" -> pipeline.hset(key, "f", "v" + i);
                case "list" -> pipeline.rpush(key, "a", "b");
                case "set" -> pipeline.sadd(key, "m" + i);
                default -> pipeline.zadd(key, i, "m" + i);
            }
            if (i % 3 == 0) {
                pipeline.pexpire(key, 3_600_000);
            }
            keys.add(key);
        }
        pipeline.sync();
        return keys;
    }

    /** Every key under the prefix, by a plain SCAN loop. */
    List<String> remaining() {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        List<String> keys = remaining();
        for (int i = 0; i < keys.size(); i += 1000) {
            redis.del(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
        }
        redis.close();
    }
}
