package io.ringside.core.connect;

import io.ringside.core.RingsideException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one connection string into a {@link ProfileDraft}. The forms are those operators already
 * paste from other tools, plus two Ringside chose where no common form exists:
 * <ul>
 * <li>{@code redis://[user[:password]@]host[:port][/db]}, {@code rediss://...} with TLS; a password
 *     without a user ({@code redis://:pw@host}) logs in as Redis's {@code default} user;</li>
 * <li>{@code redis-sentinel://[user[:password]@]host:port,host:port/master[/db]} (and
 *     {@code rediss-sentinel://}): the sentinels and the master name they watch;</li>
 * <li>{@code cassandra://[user[:password]@]host[:port],host[:port][/localdc][?keyspace=ks&tls=true]};</li>
 * <li>{@code host:port,host:port} without a scheme, or {@code kafka://host:port,...}: Kafka bootstrap servers.</li>
 * </ul>
 * A password goes to the draft's secrets, never into the profile. Host lists are parsed by hand
 * rather than with {@link java.net.URI}, which takes no comma-separated authority; user and
 * password are percent-decoded. A bad string is reported with the offset (0-based) of the fault.
 */
public final class ConnectionStrings {

    private ConnectionStrings() {
    }

    /** Applies {@code text} to {@code draft}: the backend it names is replaced, the others kept. */
    static void apply(ProfileDraft draft, String text) {
        new Parser(text).apply(draft);
    }

    /** One string being read; every error names the string and the offset. */
    private static final class Parser {
        private final String text;
        private final String scheme;
        private final int schemeEnd;

        Parser(String text) {
            if (text == null || text.isBlank()) {
                throw new RingsideException("Empty connection string");
            }
            this.text = text.trim();
            int separator = this.text.indexOf("://");
            scheme = separator < 0 ? "" : this.text.substring(0, separator).toLowerCase(Locale.ROOT);
            schemeEnd = separator < 0 ? 0 : separator + 3;
        }

        void apply(ProfileDraft draft) {
            Parts parts = split();
            switch (scheme) {
                case "redis", "rediss" -> redis(draft, parts, false);
                case "redis-sentinel", "rediss-sentinel" -> redis(draft, parts, true);
                case "cassandra" -> cassandra(draft, parts);
                case "", "kafka" -> kafka(draft, parts);
                default -> throw error(0, "unknown scheme '" + scheme + "' (redis, rediss, redis-sentinel, "
                        + "rediss-sentinel, cassandra, kafka, or host:port,host:port for Kafka)");
            }
        }

        private void redis(ProfileDraft draft, Parts parts, boolean sentinel) {
            noQuery(parts, List.of());
            List<String> hosts = parts.hosts(this, sentinel ? 26379 : 6379);
            String user = parts.user;
            if (parts.password != null && (user == null || user.isEmpty())) {
                user = "default";
            }
            List<String> path = parts.pathSegments();
            String master = null;
            if (sentinel) {
                if (path.isEmpty() || path.get(0).isEmpty()) {
                    throw error(text.length(), "a sentinel string names the master after the hosts: "
                            + scheme + "://host:26379,host:26379/mymaster");
                }
                master = path.get(0);
                path = path.subList(1, path.size());
            } else if (hosts.size() > 1) {
                throw error(parts.hostsAt, "one Redis server per " + scheme + ":// string; for sentinels use "
                        + "redis-sentinel://host:port,host:port/master");
            }
            int database = 0;
            if (path.size() == 1 && path.get(0).isEmpty()) {
                path = List.of();
            }
            if (!path.isEmpty()) {
                database = number(path.get(0), parts.pathAt + (sentinel ? master.length() + 2 : 1), 0, 15, "database");
                if (path.size() > 1) {
                    throw error(parts.pathAt, "unexpected path after the database: '" + parts.path + "'");
                }
            }
            boolean tls = scheme.startsWith("rediss");
            ConnectionProfile.Redis old = draft.profile().redis();
            ConnectionProfile.Tls keepFiles = new ConnectionProfile.Tls(tls, old.tls().trustFile(), old.tls().clientCertFile());
            ConnectionProfile.Redis redis;
            if (sentinel) {
                redis = new ConnectionProfile.Redis(null, 6379, List.of(), user, database, keepFiles, hosts, master);
            } else {
                java.net.InetSocketAddress server = Backends.address(hosts.get(0), 6379);
                redis = new ConnectionProfile.Redis(server.getHostString(), server.getPort(), List.of(), user, database,
                        keepFiles);
            }
            draft.redis(redis, parts.password);
        }

        private void cassandra(ProfileDraft draft, Parts parts) {
            Map<String, String> query = noQuery(parts, List.of("keyspace", "tls"));
            List<String> hosts = parts.hosts(this, 9042);
            List<String> path = parts.pathSegments();
            if (path.size() > 1) {
                throw error(parts.pathAt, "the path is the local data centre alone, not '" + parts.path + "'");
            }
            String dc = path.isEmpty() || path.get(0).isEmpty() ? "datacenter1" : path.get(0);
            String tlsValue = query.getOrDefault("tls", "false").toLowerCase(Locale.ROOT);
            if (!tlsValue.equals("true") && !tlsValue.equals("false")) {
                throw error(parts.queryAt, "tls is true or false, not '" + tlsValue + "'");
            }
            ConnectionProfile.Cassandra old = draft.profile().cassandra();
            ConnectionProfile.Tls tls = new ConnectionProfile.Tls(tlsValue.equals("true"), old.tls().trustFile(),
                    old.tls().clientCertFile());
            draft.cassandra(new ConnectionProfile.Cassandra(hosts, dc, query.get("keyspace"), parts.user, tls),
                    parts.password);
        }

        private void kafka(ProfileDraft draft, Parts parts) {
            noQuery(parts, List.of());
            if (parts.user != null || parts.password != null) {
                throw error(schemeEnd, "Kafka credentials are not part of a bootstrap list; "
                        + "use --kafka-properties with sasl.jaas.config");
            }
            if (!parts.path.isEmpty()) {
                throw error(parts.pathAt, "a Kafka bootstrap list has no path: '" + parts.path + "'");
            }
            List<String> hosts = parts.hosts(this, 9092);
            ConnectionProfile.Kafka old = draft.profile().kafka();
            draft.kafka(new ConnectionProfile.Kafka(String.join(",", hosts), old.saslMechanism(), old.username(),
                    old.tls()), null);
        }

        private Map<String, String> noQuery(Parts parts, List<String> allowed) {
            Map<String, String> query = new LinkedHashMap<>();
            if (parts.query.isEmpty()) {
                return query;
            }
            int at = parts.queryAt;
            for (String pair : parts.query.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (!allowed.contains(key)) {
                    throw error(at, "unknown parameter '" + key + "'"
                            + (allowed.isEmpty() ? " (this scheme takes none)" : " (known: " + allowed + ")"));
                }
                query.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1), at + equals + 1));
                at += pair.length() + 1;
            }
            return query;
        }

        private Parts split() {
            String rest = text.substring(schemeEnd);
            int queryMark = rest.indexOf('?');
            String beforeQuery = queryMark < 0 ? rest : rest.substring(0, queryMark);
            int at = beforeQuery.lastIndexOf('@');
            Parts parts = new Parts();
            int hostsStart = 0;
            if (at >= 0) {
                String userInfo = beforeQuery.substring(0, at);
                int colon = userInfo.indexOf(':');
                parts.user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), schemeEnd);
                parts.user = parts.user.isEmpty() ? null : parts.user;
                parts.password = colon < 0 ? null : decode(userInfo.substring(colon + 1), schemeEnd + colon + 1);
                hostsStart = at + 1;
            }
            int slash = beforeQuery.indexOf('/', hostsStart);
            parts.hosts = slash < 0 ? beforeQuery.substring(hostsStart) : beforeQuery.substring(hostsStart, slash);
            parts.hostsAt = schemeEnd + hostsStart;
            parts.path = slash < 0 ? "" : beforeQuery.substring(slash + 1);
            parts.pathAt = schemeEnd + (slash < 0 ? beforeQuery.length() : slash);
            parts.query = queryMark < 0 ? "" : rest.substring(queryMark + 1);
            parts.queryAt = schemeEnd + (queryMark < 0 ? rest.length() : queryMark + 1);
            return parts;
        }

        private String decode(String value, int at) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '%') {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw error(at + i, "'%' must be followed by two hex digits (percent-encoding)");
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        int number(String value, int at, int min, int max, String what) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(at, "the " + what + " '" + value + "' is not a number from " + min + " to " + max);
        }

        /** The message names the string with any password masked, so an error never prints a secret. */
        RingsideException error(int offset, String why) {
            return new RingsideException("Bad connection string '" + io.ringside.core.MessageText.quote(masked())
                    + "' at offset " + offset + ": " + why);
        }

        private String masked() {
            String rest = text.substring(schemeEnd);
            int queryMark = rest.indexOf('?');
            int at = (queryMark < 0 ? rest : rest.substring(0, queryMark)).lastIndexOf('@');
            int colon = at < 0 ? -1 : rest.substring(0, at).indexOf(':');
            if (colon < 0) {
                return text;
            }
            return text.substring(0, schemeEnd + colon + 1) + "****" + text.substring(schemeEnd + at);
        }
    }

    /** The pieces of a string, with the offset each starts at. */
    private static final class Parts {
        String user;
        String password;
        String hosts;
        int hostsAt;
        String path;
        int pathAt;
        String query;
        int queryAt;

        List<String> hosts(Parser parser, int defaultPort) {
            if (hosts.isBlank()) {
                throw parser.error(hostsAt, "no host");
            }
            List<String> list = new ArrayList<>();
            int at = hostsAt;
            for (String item : hosts.split(",", -1)) {
                list.add(hostPort(parser, item, at, defaultPort));
                at += item.length() + 1;
            }
            return list;
        }

        private static String hostPort(Parser parser, String item, int at, int defaultPort) {
            String host = item;
            String port = null;
            int portAt = at;
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                if (close < 0) {
                    throw parser.error(at, "'[' without ']' in '" + item + "'");
                }
                host = item.substring(0, close + 1);
                if (close + 1 < item.length()) {
                    if (item.charAt(close + 1) != ':') {
                        throw parser.error(at + close + 1, "expected ':port' after ']'");
                    }
                    port = item.substring(close + 2);
                    portAt = at + close + 2;
                }
            } else {
                int colon = item.indexOf(':');
                if (colon >= 0) {
                    host = item.substring(0, colon);
                    port = item.substring(colon + 1);
                    portAt = at + colon + 1;
                }
            }
            if (host.isEmpty()) {
                throw parser.error(at, "empty host");
            }
            if (!host.startsWith("[") && !host.matches("[A-Za-z0-9._-]+")) {
                throw parser.error(at, "'" + host + "' is not a host name or address");
            }
            int number = port == null ? defaultPort : parser.number(port, portAt, 1, 65535, "port");
            return host + ":" + number;
        }

        List<String> pathSegments() {
            return path.isEmpty() ? List.of() : List.of(path.split("/", -1));
        }
    }
}
