package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import io.ringside.core.cql.CqlLexer;
import io.ringside.core.cql.CqlSyntaxException;
import io.ringside.core.cql.CqlToken;
import io.ringside.core.cql.CqlToken.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the rows of a query can be read as a table is, one token range at a time, and the
 * statement that reads one range. Like DSBulk's unload of a query, only a plain scan qualifies:
 * {@code SELECT <columns> FROM [ks.]table [WHERE <conditions>] [ALLOW FILTERING]} whose conditions
 * name no partition-key column and no {@code token(...)}, without {@code LIMIT}, {@code PER
 * PARTITION LIMIT}, {@code ORDER BY}, {@code GROUP BY}, {@code DISTINCT}, {@code JSON}, an
 * aggregate or a bind marker. Its rows are then the union of its rows in each slice of the ring,
 * each slice read with {@code token(pk) > ? AND token(pk) <= ?} added to its conditions; anything
 * else is read whole, since a limit, an order, a grouping or an aggregate spans the slices.
 *
 * <p>The table and its partition key come from the driver's metadata ({@link Schema}), the rest
 * from {@link CqlLexer}'s tokens, so a keyword in a string, a comment or a quoted name does not
 * count. When in doubt (a statement it cannot follow, a table it does not know) the answer is no.
 */
final class RangeScan {

    /** Aggregates built into Cassandra (a function of a keyspace of the same name is taken for one too). */
    private static final Set<String> BUILT_IN_AGGREGATES = Set.of("count", "min", "max", "sum", "avg");

    /** Words that end the conditions with a clause a slice cannot honour on its own. */
    private static final Set<String> WHOLE_RESULT_CLAUSES = Set.of("LIMIT", "PER", "ORDER", "GROUP");

    /** What the decision needs to know of the schema, from the driver's metadata. */
    interface Schema {

        /** The partition-key columns of a regular (not virtual) table; empty for anything else. */
        Optional<List<CqlIdentifier>> partitionKey(CqlIdentifier keyspace, CqlIdentifier table);

        /** Whether {@code function} is a user-defined aggregate of {@code keyspace}. */
        boolean isAggregate(CqlIdentifier keyspace, CqlIdentifier function);
    }

    private RangeScan() {
    }

    /** The schema as the driver's metadata knows it now. */
    static Schema of(Metadata metadata) {
        return new Schema() {
            @Override
            public Optional<List<CqlIdentifier>> partitionKey(CqlIdentifier keyspace, CqlIdentifier table) {
                return metadata.getKeyspace(keyspace).flatMap(k -> k.getTable(table)).filter(t -> !t.isVirtual())
                        .map(t -> t.getPartitionKey().stream().map(ColumnMetadata::getName).toList());
            }

            @Override
            public boolean isAggregate(CqlIdentifier keyspace, CqlIdentifier function) {
                return metadata.getKeyspace(keyspace).map(KeyspaceMetadata::getAggregates)
                        .map(all -> all.values().stream().anyMatch(a -> a.getSignature().getName().equals(function)))
                        .orElse(false);
            }
        };
    }

    /**
     * The statement that reads one token range of {@code query}'s rows, its two bind markers the
     * range's start (exclusive) and end (inclusive); empty when the query must be read whole.
     *
     * @param sessionKeyspace the keyspace an unqualified table is in; null when the session has none
     */
    static Optional<String> byTokenRange(String query, CqlIdentifier sessionKeyspace, Schema schema) {
        List<CqlToken> tokens;
        try {
            tokens = CqlLexer.tokens(query).stream().filter(CqlToken::significant).toList();
        } catch (CqlSyntaxException e) {
            return Optional.empty();
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == Type.SEMICOLON) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.size() < 4 || !tokens.get(0).is("SELECT") || tokens.get(1).is("DISTINCT") || tokens.get(1).is("JSON")
                || tokens.stream().anyMatch(RangeScan::unsupported)) {
            return Optional.empty();
        }
        int from = CqlToken.topLevel(tokens, 1, "FROM");
        if (from == tokens.size()) {
            return Optional.empty();
        }
        // FROM [ks.]table
        int at = from + 1;
        if (at >= tokens.size() || !isName(tokens.get(at))) {
            return Optional.empty();
        }
        CqlIdentifier keyspace = sessionKeyspace;
        CqlIdentifier table = identifier(tokens.get(at++));
        if (at + 1 < tokens.size() && tokens.get(at).text().equals(".") && isName(tokens.get(at + 1))) {
            keyspace = table;
            table = identifier(tokens.get(at + 1));
            at += 2;
        }
        if (keyspace == null) {
            return Optional.empty();
        }
        Optional<List<CqlIdentifier>> partitionKey = schema.partitionKey(keyspace, table);
        if (partitionKey.isEmpty() || partitionKey.get().isEmpty()
                || aggregateIn(tokens.subList(1, from), keyspace, sessionKeyspace, schema)) {
            return Optional.empty();
        }
        boolean where = at < tokens.size() && tokens.get(at).is("WHERE");
        int conditionsEnd = where ? CqlToken.topLevel(tokens, at + 1, "ALLOW") : at;
        if (where && (conditionsEnd == at + 1
                || restrictsPartition(tokens.subList(at + 1, conditionsEnd), partitionKey.get()))) {
            return Optional.empty();
        }
        int rest = conditionsEnd;
        if (rest < tokens.size() && !(rest + 2 == tokens.size() && tokens.get(rest).is("ALLOW")
                && tokens.get(rest + 1).is("FILTERING"))) {
            return Optional.empty();
        }
        String token = "token(" + partitionKey.get().stream().map(c -> c.asCql(true)).collect(Collectors.joining(", "))
                + ")";
        int insertAt = tokens.get(rest - 1).end(); // after the last condition, before a comment that follows it
        return Optional.of(query.substring(0, insertAt) + (where ? " AND " : " WHERE ") + token + " > ? AND " + token
                + " <= ?" + query.substring(insertAt));
    }

    /** Bind markers ({@code ?}, {@code :name}; a colon of a map literal too) and a second statement. */
    private static boolean unsupported(CqlToken token) {
        return token.type() == Type.SEMICOLON || token.text().equals("?") || token.text().equals(":");
    }

    /**
     * Whether the selection calls an aggregate: a built-in one, or a user-defined one of the named
     * keyspace, the table's or the session's.
     */
    private static boolean aggregateIn(List<CqlToken> selection, CqlIdentifier tableKeyspace,
                                       CqlIdentifier sessionKeyspace, Schema schema) {
        for (int i = 0; i + 1 < selection.size(); i++) {
            CqlToken name = selection.get(i);
            if (!isName(name) || !selection.get(i + 1).text().equals("(")) {
                continue;
            }
            CqlIdentifier function = identifier(name);
            boolean qualified = i >= 2 && selection.get(i - 1).text().equals(".") && isName(selection.get(i - 2));
            boolean aggregate = BUILT_IN_AGGREGATES.contains(function.asInternal()) || (qualified
                    ? schema.isAggregate(identifier(selection.get(i - 2)), function)
                    : schema.isAggregate(tableKeyspace, function)
                    || sessionKeyspace != null && schema.isAggregate(sessionKeyspace, function));
            if (aggregate) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the conditions name a partition-key column or {@code token}, or hold a clause that
     * spans the whole result ({@code LIMIT}, {@code ORDER BY}, ...) or an {@code OR}: any of them
     * keeps the query whole.
     */
    private static boolean restrictsPartition(List<CqlToken> conditions, List<CqlIdentifier> partitionKey) {
        for (CqlToken token : conditions) {
            if (token.type() == Type.WORD && (WHOLE_RESULT_CLAUSES.contains(token.upper()) || token.is("OR")
                    || token.is("TOKEN"))) {
                return true;
            }
            if (isName(token) && partitionKey.contains(identifier(token))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(CqlToken token) {
        return token.type() == Type.WORD || token.type() == Type.QUOTED_NAME;
    }

    private static CqlIdentifier identifier(CqlToken token) {
        return CqlIdentifier.fromInternal(token.name());
    }
}
