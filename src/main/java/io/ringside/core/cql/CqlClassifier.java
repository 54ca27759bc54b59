package io.ringside.core.cql;

import io.ringside.core.cql.CqlToken.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what a statement does from its tokens, so comments and string literals never mislead it
 * (a {@code DROP} after {@code --} is a comment; a {@code DROP} in a string is a value). A DELETE
 * is a plain write only when its WHERE clause pins every primary-key column with {@code =} or
 * {@code IN}; for that it asks {@link PrimaryKeys}, and a table it cannot find makes the DELETE
 * destructive, the safe side. A batch is as dangerous as its most dangerous statement.
 */
public final class CqlClassifier {

    private static final Set<String> READ_VERBS = Set.of("SELECT", "DESCRIBE", "DESC", "LIST", "USE");
    private static final Set<String> SCHEMA_VERBS = Set.of("CREATE", "ALTER", "GRANT", "REVOKE");

    private final PrimaryKeys primaryKeys;

    public CqlClassifier(PrimaryKeys primaryKeys) {
        this.primaryKeys = primaryKeys;
    }

    public Classification classify(CqlStatement statement) {
        return classify(statement.tokens());
    }

    private Classification classify(List<CqlToken> tokens) {
        if (tokens.isEmpty()) {
            return new Classification(StatementKind.READ, "", null, null);
        }
        String verb = tokens.get(0).upper();
        if (READ_VERBS.contains(verb)) {
            return new Classification(StatementKind.READ, verb, null, null);
        }
        return switch (verb) {
            case "INSERT" -> write(verb, tableAfter(tokens, "INTO"));
            case "UPDATE" -> write(verb, name(tokens, 1));
            case "DELETE" -> delete(tokens);
            case "BEGIN" -> batch(tokens);
            case "TRUNCATE" -> {
                int at = tokens.size() > 1 && tokens.get(1).is("TABLE") ? 2 : 1;
                Optional<QualifiedName> table = name(tokens, at);
                yield new Classification(StatementKind.DESTRUCTIVE, "TRUNCATE", written(table),
                        "removes every row of " + describe(table));
            }
            case "DROP" -> drop(tokens);
            default -> alter(verb, tokens);
        };
    }

    private static Classification write(String verb, Optional<QualifiedName> table) {
        return new Classification(StatementKind.WRITE, verb, written(table), null);
    }

    private static Classification alter(String verb, List<CqlToken> tokens) {
        if (verb.equals("ALTER") && tokens.size() > 2 && tokens.get(1).is("TABLE")) {
            Optional<QualifiedName> table = name(tokens, 2);
            int after = table.map(QualifiedName::nextToken).orElse(tokens.size());
            if (after < tokens.size() && tokens.get(after).is("DROP")) {
                return new Classification(StatementKind.DESTRUCTIVE, "ALTER TABLE ... DROP", written(table),
                        "removes columns and their values from " + describe(table));
            }
        }
        String shown = SCHEMA_VERBS.contains(verb) ? verb : verb + " (not a known statement, taken for a schema change)";
        return new Classification(StatementKind.SCHEMA, shown, null, null);
    }

    private static Classification drop(List<CqlToken> tokens) {
        StringBuilder what = new StringBuilder("DROP");
        int at = 1;
        while (at < tokens.size() && tokens.get(at).type() == Type.WORD && objectWord(tokens.get(at))) {
            what.append(' ').append(tokens.get(at).upper());
            at++;
        }
        if (at + 1 < tokens.size() && tokens.get(at).is("IF") && tokens.get(at + 1).is("EXISTS")) {
            at += 2;
        }
        Optional<QualifiedName> object = name(tokens, at);
        return new Classification(StatementKind.DESTRUCTIVE, what.toString(), written(object),
                "drops " + describe(object) + " and everything in it");
    }

    private static boolean objectWord(CqlToken token) {
        return Set.of("KEYSPACE", "SCHEMA", "TABLE", "COLUMNFAMILY", "INDEX", "TYPE", "FUNCTION", "AGGREGATE",
                "MATERIALIZED", "VIEW", "TRIGGER", "ROLE", "USER", "IDENTITY").contains(token.upper());
    }

    private Classification delete(List<CqlToken> tokens) {
        Optional<QualifiedName> table = tableAfter(tokens, "FROM");
        String written = written(table);
        if (table.isEmpty()) {
            return new Classification(StatementKind.DESTRUCTIVE, "DELETE", null, "names no table it can be checked against");
        }
        Optional<List<String>> key = primaryKeys.of(table.get().keyspace(), table.get().name());
        if (key.isEmpty()) {
            return new Classification(StatementKind.DESTRUCTIVE, "DELETE", written,
                    "from " + written + ", a table whose primary key is not known");
        }
        Set<String> pinned = pinnedColumns(tokens, table.get().nextToken());
        List<String> missing = key.get().stream().filter(c -> !pinned.contains(c)).toList();
        if (missing.isEmpty()) {
            return new Classification(StatementKind.WRITE, "DELETE", written, null);
        }
        return new Classification(StatementKind.DESTRUCTIVE, "DELETE", written,
                "from " + written + " without the whole primary key (not pinned by = or IN: "
                        + String.join(", ", missing) + ")");
    }

    /** Columns the WHERE clause restricts with {@code =} or {@code IN}, tuples of columns included. */
    private static Set<String> pinnedColumns(List<CqlToken> tokens, int from) {
        int where = from;
        while (where < tokens.size() && !tokens.get(where).is("WHERE")) {
            where++;
        }
        Set<String> pinned = new HashSet<>();
        int i = where + 1;
        while (i < tokens.size() && !tokens.get(i).is("IF")) {
            List<String> names = new ArrayList<>();
            if (tokens.get(i).text().equals("(")) {
                i++;
                while (i < tokens.size() && !tokens.get(i).text().equals(")")) {
                    if (isName(tokens.get(i))) {
                        names.add(tokens.get(i).name());
                    }
                    i++;
                }
                i++;
            } else if (isName(tokens.get(i))) {
                names.add(tokens.get(i).name());
                i++;
            }
            if (i < tokens.size() && (tokens.get(i).text().equals("=") || tokens.get(i).is("IN"))) {
                pinned.addAll(names);
            }
            i = nextCondition(tokens, i);
        }
        return pinned;
    }

    /** The index after the next top-level AND (parentheses skipped), or where the conditions end. */
    private static int nextCondition(List<CqlToken> tokens, int i) {
        int at = CqlToken.topLevel(tokens, i, "AND", "IF");
        return at < tokens.size() && tokens.get(at).is("AND") ? at + 1 : at;
    }

    private Classification batch(List<CqlToken> tokens) {
        int i = 1;
        while (i < tokens.size() && !tokens.get(i).is("BATCH")) {
            i++;
        }
        i++;
        if (i + 1 < tokens.size() && tokens.get(i).is("USING")) {
            i += 3; // USING TIMESTAMP n
        }
        Classification worst = new Classification(StatementKind.WRITE, "BATCH", null, null);
        List<CqlToken> inner = new ArrayList<>();
        for (; i < tokens.size(); i++) {
            CqlToken token = tokens.get(i);
            boolean end = token.is("APPLY");
            if (token.type() == Type.SEMICOLON || end) {
                if (!inner.isEmpty()) {
                    Classification one = classify(inner);
                    if (one.kind().compareTo(worst.kind()) > 0) {
                        worst = new Classification(one.kind(), "BATCH with " + one.verb(), one.target(), one.reason());
                    }
                }
                inner = new ArrayList<>();
                if (end) {
                    break;
                }
            } else {
                inner.add(token);
            }
        }
        return worst;
    }

    private static Optional<QualifiedName> tableAfter(List<CqlToken> tokens, String keyword) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(keyword)) {
                return name(tokens, i + 1);
            }
        }
        return Optional.empty();
    }

    private static boolean isName(CqlToken token) {
        return token.type() == Type.WORD || token.type() == Type.QUOTED_NAME;
    }

    /** A name at {@code at}: {@code name} or {@code keyspace.name}. */
    static Optional<QualifiedName> name(List<CqlToken> tokens, int at) {
        if (at >= tokens.size() || !isName(tokens.get(at))) {
            return Optional.empty();
        }
        CqlToken first = tokens.get(at);
        if (at + 2 < tokens.size() && tokens.get(at + 1).text().equals(".") && isName(tokens.get(at + 2))) {
            return Optional.of(new QualifiedName(first.name(), tokens.get(at + 2).name(), at + 3));
        }
        return Optional.of(new QualifiedName(null, first.name(), at + 1));
    }

    private static String written(Optional<QualifiedName> name) {
        return name.map(QualifiedName::written).orElse(null);
    }

    private static String describe(Optional<QualifiedName> name) {
        return name.map(QualifiedName::written).orElse("an object the statement does not name clearly");
    }

    /** A possibly keyspace-qualified name and the index of the token after it. */
    record QualifiedName(String keyspace, String name, int nextToken) {
        String written() {
            return keyspace == null ? name : keyspace + "." + name;
        }
    }
}
