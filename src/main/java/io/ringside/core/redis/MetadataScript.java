package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua script behind {@link KeyScanner#describe}: for each key, a type code (0 when the key is
 * gone), PTTL and MEMORY USAGE ({@code -1} when Redis gives none). Loaded once per server and run
 * by SHA; reloaded when a restarted server forgot it. It only reads, so it is safe on replicas.
 */
final class MetadataScript {

    static final MetadataScript INSTANCE = new MetadataScript();

    private static final String[] TYPES = {"none", "string", "hash", "list", "set", "zset", "stream"};

    private static final String SOURCE = """
            local call = redis.call
            local codes = {none = 0, string = 1, hash = 2, list = 3, set = 4, zset = 5, stream = 6}
            local out = {}
            local n = 0
            for i = 1, #KEYS do
              local key = KEYS[i]
              local ttl = call('PTTL', key)
              if ttl == -2 then
                out[n + 1] = 0
                out[n + 2] = -2
                out[n + 3] = -1
              else
                out[n + 1] = codes[call('TYPE', key)['ok']] or 7
                out[n + 2] = ttl
                out[n + 3] = call('MEMORY', 'USAGE', key) or -1
              end
              n = n + 3
            end
            return out
            """;

    private final byte[] source = SOURCE.getBytes(StandardCharsets.UTF_8);
    private volatile byte[] sha;

    private MetadataScript() {
    }

    Object run(JedisPooled node, List<byte[]> keys) {
        byte[] known = sha;
        if (known == null) {
            known = node.scriptLoad(source, null);
            sha = known;
        }
        try {
            return node.evalsha(known, keys, List.of());
        } catch (JedisNoScriptException e) {
            sha = node.scriptLoad(source, null);
            return node.evalsha(sha, keys, List.of());
        }
    }

    static String typeName(int code) {
        return code < TYPES.length ? TYPES[code] : "other";
    }
}
