package io.ringside.core.cql;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.RelationMetadata;
import io.ringside.core.cql.Completion.Kind;
import io.ringside.core.cql.CqlToken.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Completion from the driver's schema metadata, which the driver keeps in memory and refreshes on
 * schema changes, so a candidate list costs no round trip (well under 50 ms for 500 tables). The
 * context is read from the tokens around the caret: after {@code FROM}, {@code INTO},
 * {@code UPDATE}, {@code TABLE} come keyspaces and the current keyspace's tables; after {@code ks.} the tables of
 * {@code ks}; anywhere else in a statement that names a table, that table's columns and the
 * functions first, then keywords.
 */
public final class CqlCompletion {

    /** The most candidates one list holds. */
    public static final int LIMIT = 200;

    public static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "AND", "INSERT", "INTO", "VALUES",
            "UPDATE", "SET", "DELETE", "BEGIN", "BATCH", "UNLOGGED", "APPLY", "CREATE", "ALTER", "DROP", "TRUNCATE",
            "TABLE", "KEYSPACE", "INDEX", "TYPE", "FUNCTION", "AGGREGATE", "MATERIALIZED", "VIEW", "USE", "IF",
            "EXISTS", "NOT", "IN", "CONTAINS", "KEY", "ORDER", "BY", "ASC", "DESC", "DESCRIBE", "LIMIT", "PER",
            "PARTITION", "ALLOW", "FILTERING", "GROUP", "DISTINCT", "JSON", "USING", "TTL", "TIMESTAMP", "PRIMARY",
            "WITH", "REPLICATION", "CLUSTERING", "GRANT", "REVOKE", "ON", "TO", "ROLE", "USER", "LIST", "NULL",
            "AS", "ADD", "RENAME", "STATIC", "FROZEN", "TOKEN", "TRUE", "FALSE");

    public static final List<String> FUNCTIONS = List.of("token", "now", "uuid", "count", "min", "max", "avg", "sum",
            "writetime", "maxwritetime", "ttl", "toJson", "fromJson", "cast", "toDate", "toTimestamp", "toUnixTimestamp",
            "currentTimestamp", "currentDate", "currentTime", "currentTimeUUID", "minTimeuuid", "maxTimeuuid",
            "dateOf", "unixTimestampOf", "blobAsText", "textAsBlob", "blobAsBigint", "bigintAsBlob", "abs", "exp",
            "log", "log10", "round", "collection_count", "collection_min", "collection_max", "collection_sum",
            "collection_avg", "map_keys", "map_values", "mask_default", "mask_null", "mask_hash");

    private static final Set<String> TABLE_PLACES = Set.of("FROM", "INTO", "UPDATE", "TABLE", "TRUNCATE", "ON",
            "COLUMNFAMILY", "VIEW");
    private static final Set<String> KEYSPACE_PLACES = Set.of("USE", "KEYSPACE", "KEYSPACES");

    private final Supplier<Metadata> metadata;
    private final Supplier<String> currentKeyspace;

    public CqlCompletion(Supplier<Metadata> metadata, Supplier<String> currentKeyspace) {
        this.metadata = metadata;
        this.currentKeyspace = currentKeyspace;
    }

    /** What the word being typed at {@code caret} may be, best first. */
    public CompletionResult complete(String script, int caret) {
        int from = statementStart(script, caret);
        int to = statementEnd(script, caret);
        List<CqlToken> before = CqlLexer.lenientTokens(script.substring(from, caret)).stream()
                .filter(CqlToken::significant).toList();
        List<CqlToken> whole = CqlLexer.lenientTokens(script.substring(from, to)).stream()
                .filter(CqlToken::significant).toList();
        int end = before.size();
        boolean typing = end > 0 && caret > 0 && isWordChar(script.charAt(caret - 1))
                && (before.get(end - 1).type() == Type.WORD || before.get(end - 1).type() == Type.NUMBER);
        String prefix = typing ? before.get(--end).text() : "";
        int replaceFrom = caret - prefix.length();
        Metadata schema = metadata.get();
        List<Completion> found = new ArrayList<>();
        if (end >= 2 && before.get(end - 1).text().equals(".") && isName(before.get(end - 2))) {
            String qualifier = before.get(end - 2).name();
            keyspace(schema, qualifier).ifPresent(ks -> addRelations(found, ks, prefix));
            return new CompletionResult(replaceFrom, prefix, found);
        }
        String previous = end > 0 ? before.get(end - 1).upper() : "";
        if (KEYSPACE_PLACES.contains(previous)) {
            addKeyspaces(found, schema, prefix);
        } else if (TABLE_PLACES.contains(previous) || (end >= 2 && previous.equals("EXISTS")
                && before.get(end - 3 < 0 ? 0 : end - 3).is("TABLE"))) {
            addKeyspaces(found, schema, prefix); // few, so never cut off by the limit
            String ks = currentKeyspace.get();
            if (ks != null) {
                keyspace(schema, ks).ifPresent(k -> addRelations(found, k, prefix));
            }
        } else {
            if (end > 0) {
                namedTable(whole, schema).ifPresent(table -> addColumns(found, table, prefix));
                addFunctions(found, schema, prefix);
            }
            addKeywords(found, prefix);
        }
        return new CompletionResult(replaceFrom, prefix, found.size() > LIMIT ? found.subList(0, LIMIT) : found);
    }

    /** The candidates and the range they replace: from {@code replaceFrom} to the caret. */
    public record CompletionResult(int replaceFrom, String prefix, List<Completion> candidates) {
        public CompletionResult {
            candidates = List.copyOf(candidates);
        }

        public List<String> texts() {
            return candidates.stream().map(Completion::text).toList();
        }
    }

    private Optional<RelationMetadata> namedTable(List<CqlToken> tokens, Metadata schema) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("FROM") || tokens.get(i).is("INTO") || (i == 0 && tokens.get(i).is("UPDATE"))) {
                Optional<CqlClassifier.QualifiedName> name = CqlClassifier.name(tokens, i + 1);
                if (name.isPresent()) {
                    String ks = name.get().keyspace() != null ? name.get().keyspace() : currentKeyspace.get();
                    if (ks == null) {
                        return Optional.empty();
                    }
                    CqlIdentifier table = CqlIdentifier.fromInternal(name.get().name());
                    return keyspace(schema, ks).flatMap(k -> k.getTable(table).map(RelationMetadata.class::cast)
                            .or(() -> k.getView(table)));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<KeyspaceMetadata> keyspace(Metadata schema, String name) {
        return schema.getKeyspace(CqlIdentifier.fromInternal(name));
    }

    private static void addColumns(List<Completion> found, RelationMetadata table, String prefix) {
        List<ColumnMetadata> keyFirst = new ArrayList<>(table.getPrimaryKey());
        table.getColumns().values().stream().filter(c -> !keyFirst.contains(c)).forEach(keyFirst::add);
        for (ColumnMetadata column : keyFirst) {
            String name = column.getName().asInternal();
            if (matches(name, prefix)) {
                found.add(new Completion(column.getName().asCql(true), Kind.COLUMN, column.getType().asCql(false, true)));
            }
        }
    }

    private static void addRelations(List<Completion> found, KeyspaceMetadata keyspace, String prefix) {
        keyspace.getTables().keySet().stream().map(CqlIdentifier::asInternal).filter(n -> matches(n, prefix)).sorted()
                .forEach(n -> found.add(new Completion(CqlIdentifier.fromInternal(n).asCql(true), Kind.TABLE,
                        keyspace.getName().asInternal())));
        keyspace.getViews().keySet().stream().map(CqlIdentifier::asInternal).filter(n -> matches(n, prefix)).sorted()
                .forEach(n -> found.add(new Completion(CqlIdentifier.fromInternal(n).asCql(true), Kind.TABLE,
                        keyspace.getName().asInternal() + " (view)")));
    }

    private static void addKeyspaces(List<Completion> found, Metadata schema, String prefix) {
        schema.getKeyspaces().keySet().stream().map(CqlIdentifier::asInternal).filter(n -> matches(n, prefix)).sorted()
                .forEach(n -> found.add(new Completion(CqlIdentifier.fromInternal(n).asCql(true), Kind.KEYSPACE,
                        "keyspace")));
    }

    private void addFunctions(List<Completion> found, Metadata schema, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        FUNCTIONS.stream().filter(f -> matches(f, prefix)).forEach(names::add);
        String ks = currentKeyspace.get();
        if (ks != null) {
            keyspace(schema, ks).ifPresent(k -> k.getFunctions().keySet().forEach(
                    signature -> {
                        String name = signature.getName().asInternal();
                        if (matches(name, prefix)) {
                            names.add(name);
                        }
                    }));
        }
        names.forEach(n -> found.add(new Completion(n + "(", Kind.FUNCTION, "function")));
    }

    private static void addKeywords(List<Completion> found, String prefix) {
        KEYWORDS.stream().filter(k -> matches(k, prefix)).forEach(k -> found.add(new Completion(
                prefix.isEmpty() || Character.isUpperCase(prefix.charAt(0)) ? k : k.toLowerCase(Locale.ROOT),
                Kind.KEYWORD, "keyword")));
    }

    private static boolean matches(String candidate, String prefix) {
        return candidate.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean isName(CqlToken token) {
        return token.type() == Type.WORD || token.type() == Type.QUOTED_NAME;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int statementStart(String script, int caret) {
        return CqlSplitter.statementAt(script, caret).filter(s -> s.offset() <= caret).map(CqlStatement::offset)
                .orElseGet(() -> {
                    int semicolon = lastSemicolonBefore(script, caret);
                    return semicolon < 0 ? 0 : semicolon + 1;
                });
    }

    private static int statementEnd(String script, int caret) {
        return CqlSplitter.statementAt(script, caret).map(s -> Math.max(s.end(), caret)).orElse(caret);
    }

    private static int lastSemicolonBefore(String script, int caret) {
        int last = -1;
        for (CqlToken token : CqlLexer.lenientTokens(script.substring(0, caret))) {
            if (token.type() == Type.SEMICOLON) {
                last = token.offset();
            }
        }
        return last;
    }
}
