package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts behind {@link KeyScanner#describe}: for each key, a type code (0 when the key is
 * gone), PTTL and, in the full variant, MEMORY USAGE ({@code -1} when Redis gives none). Loaded
 * once per server and run by SHA; reloaded when a restarted server forgot it. They only read, so
 * they are safe on replicas.
 */
final class MetadataScript {

    static final MetadataScript FULL = new MetadataScript(true);
    static final MetadataScript TYPE_TTL = new MetadataScript(false);

    private static final String[] TYPES = {"none", "string", "hash", "list", "set", "zset", "stream"};

    private static final String SOURCE = """
            local call = redis.call
            local sizes = ARGV[1] == '1'
            local stride = sizes and 3 or 2
            local codes = {none = 0, string = 1, hash = 2, list = 3, set = 4, zset = 5, stream = 6}
            local out = {}
            local n = 0
            for i = 1, #KEYS do
              local key = KEYS[i]
              local ttl = call('PTTL', key)
              if ttl == -2 then
                out[n + 1] = 0
                out[n + 2] = -2
                if sizes then out[n + 3] = -1 end
              else
                out[n + 1] = codes[call('TYPE', key)['ok']] or 7
                out[n + 2] = ttl
                if sizes then out[n + 3] = call('MEMORY', 'USAGE', key) or -1 end
              end
              n = n + stride
            end
            return out
            """;

    private static final byte[] SOURCE_BYTES = SOURCE.getBytes(StandardCharsets.UTF_8);
    private static volatile byte[] sha;

    private final List<byte[]> args;
    private final int stride;

    private MetadataScript(boolean sizes) {
        this.args = List.of(sizes ? new byte[] {'1'} : new byte[] {'0'});
        this.stride = sizes ? 3 : 2;
    }

    /** Values per key in the reply: type code, PTTL and, if asked, size. */
    int stride() {
        return stride;
    }

    Object run(JedisPooled node, List<byte[]> keys) {
        byte[] known = sha;
        if (known == null) {
            known = node.scriptLoad(SOURCE_BYTES, null);
            sha = known;
        }
        try {
            return node.evalsha(known, keys, args);
        } catch (JedisNoScriptException e) {
            known = node.scriptLoad(SOURCE_BYTES, null);
            sha = known;
            return node.evalsha(known, keys, args);
        }
    }

    static String typeName(int code) {
        return code < TYPES.length ? TYPES[code] : "other";
    }
}
