package io.ringside.core.redis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's own list of its commands, from {@code COMMAND} (arity, flags, key positions, ACL
 * categories, subcommands) and {@code COMMAND DOCS} (summary and arguments), so completion and the
 * safety checks match the server's version rather than a list compiled into Ringside. Names are
 * lower case, a subcommand as {@code container|sub} (e.g. {@code config|set}), as the server names them.
 */
public final class RedisCommandCatalog {

    /** One argument of a command's documentation; {@code children} for {@code oneof} and {@code block}. */
    public record Argument(String name, String type, String token, boolean optional, boolean multiple,
                           List<Argument> children) {

        /** The argument as the documentation writes its syntax: {@code [EX seconds|PX milliseconds]}. */
        public String syntax() {
            String inner = switch (type) {
                case "oneof" -> String.join("|", children.stream().map(Argument::syntax).toList());
                case "block" -> String.join(" ", children.stream().map(Argument::syntax).toList());
                case "pure-token" -> "";
                default -> name;
            };
            String text = token == null ? inner : inner.isEmpty() ? token : token + " " + inner;
            if (multiple) {
                text = text + " [" + text + " ...]";
            }
            return optional ? "[" + text + "]" : text;
        }

        /** This argument's token and those of its children: the words completion offers. */
        void tokens(Map<String, String> into) {
            if (token != null) {
                into.putIfAbsent(token.toUpperCase(Locale.ROOT), syntax());
            }
            children.forEach(c -> c.tokens(into));
        }
    }

    /**
     * One command or subcommand.
     *
     * @param arity    as {@code COMMAND} gives it: exact word count, or at least {@code -arity} when negative
     * @param firstKey position of the first key in the command's words (0 = none), {@code lastKey} negative from the end
     */
    public record Spec(String name, int arity, Set<String> flags, int firstKey, int lastKey, int step,
                       Set<String> categories, String summary, List<Argument> arguments, Map<String, Spec> subcommands) {

        public boolean flagged(String flag) {
            return flags.contains(flag);
        }

        /** The words the user types: {@code CONFIG SET} for {@code config|set}. */
        public String displayName() {
            return name.replace('|', ' ').toUpperCase(Locale.ROOT);
        }

        public String syntax() {
            List<String> parts = new ArrayList<>();
            parts.add(displayName());
            arguments.forEach(a -> parts.add(a.syntax()));
            return String.join(" ", parts);
        }

        /** The keys among {@code argv} by the legacy key positions; commands with movable keys say so in their flags. */
        public List<byte[]> keys(List<byte[]> argv) {
            List<byte[]> keys = new ArrayList<>();
            if (firstKey <= 0) {
                return keys;
            }
            int last = lastKey < 0 ? argv.size() + lastKey : lastKey;
            for (int i = firstKey; i <= last && i < argv.size(); i += Math.max(1, step)) {
                keys.add(argv.get(i));
            }
            return keys;
        }
    }

    /** A completion: the word to put in, and what it stands for. */
    public record Completion(String text, String description) {
    }

    private final Map<String, Spec> commands;

    RedisCommandCatalog(Map<String, Spec> commands) {
        this.commands = Map.copyOf(commands);
    }

    /** The catalog from the replies of {@code COMMAND} and {@code COMMAND DOCS} (RESP2 or RESP3). */
    static RedisCommandCatalog of(RespReply commandInfo, RespReply commandDocs) {
        Map<String, RespReply> docs = new LinkedHashMap<>();
        pairs(commandDocs).forEach(e -> docs.put(lower(e.key().text()), e.value()));
        Map<String, Spec> commands = new LinkedHashMap<>();
        for (RespReply entry : items(commandInfo)) {
            Spec spec = spec(entry, docs);
            if (spec != null) {
                commands.put(spec.name(), spec);
            }
        }
        return new RedisCommandCatalog(commands);
    }

    public int size() {
        return commands.size();
    }

    /** A command by its name, or by {@code name|sub} for a subcommand; null when the server has none. */
    public Spec find(String name) {
        String lower = lower(name);
        int bar = lower.indexOf('|');
        if (bar < 0) {
            return commands.get(lower);
        }
        Spec container = commands.get(lower.substring(0, bar));
        return container == null ? null : container.subcommands().get(lower);
    }

    /** The spec a command's words run: a subcommand when the command is a container and names one. */
    public Spec resolve(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        Spec spec = find(words.get(0));
        if (spec != null && !spec.subcommands().isEmpty() && words.size() > 1) {
            Spec sub = find(words.get(0) + "|" + words.get(1));
            return sub != null ? sub : spec;
        }
        return spec;
    }

    /**
     * What may come at the end of {@code line} (the text before the caret): command names, then a
     * container's subcommands, then the argument tokens ({@code NX}, {@code EX}, ...) of the command.
     */
    public List<Completion> complete(String line) {
        String current = line.substring(line.lastIndexOf('\n') + 1);
        List<String> words;
        try {
            words = new ArrayList<>(CommandLineParser.parse(current).stream().findFirst()
                    .map(CommandLineParser.Command::words).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            return List.of(); // inside an unclosed quote: a value, nothing to complete
        }
        boolean newWord = current.isEmpty() || Character.isWhitespace(current.charAt(current.length() - 1));
        String prefix = newWord || words.isEmpty() ? "" : words.remove(words.size() - 1);
        String upper = prefix.toUpperCase(Locale.ROOT);
        List<Completion> out = new ArrayList<>();
        if (words.isEmpty()) {
            commands.values().stream().filter(s -> s.displayName().startsWith(upper))
                    .sorted(Comparator.comparing(Spec::name))
                    .forEach(s -> out.add(new Completion(s.displayName(), s.summary())));
            return out;
        }
        Spec spec = find(words.get(0));
        if (spec == null) {
            return out;
        }
        if (!spec.subcommands().isEmpty() && words.size() == 1) {
            spec.subcommands().values().stream().sorted(Comparator.comparing(Spec::name))
                    .map(s -> new Completion(s.name().substring(s.name().indexOf('|') + 1).toUpperCase(Locale.ROOT),
                            s.summary()))
                    .filter(c -> c.text().startsWith(upper)).forEach(out::add);
            return out;
        }
        Spec run = resolve(words);
        Map<String, String> tokens = new LinkedHashMap<>();
        run.arguments().forEach(a -> a.tokens(tokens));
        tokens.forEach((token, syntax) -> {
            if (token.startsWith(upper)) {
                out.add(new Completion(token, syntax));
            }
        });
        return out;
    }

    private static Spec spec(RespReply entry, Map<String, RespReply> docs) {
        List<RespReply> fields = items(entry);
        if (fields.size() < 6 || fields.get(0).text() == null) {
            return null;
        }
        String name = lower(fields.get(0).text());
        RespReply doc = docs.get(name);
        Map<String, RespReply> docFields = new LinkedHashMap<>();
        if (doc != null) {
            pairs(doc).forEach(e -> docFields.put(e.key().text(), e.value()));
        }
        Map<String, RespReply> subDocs = new LinkedHashMap<>();
        if (docFields.containsKey("subcommands")) {
            pairs(docFields.get("subcommands")).forEach(e -> subDocs.put(lower(e.key().text()), e.value()));
        }
        Map<String, Spec> subcommands = new LinkedHashMap<>();
        if (fields.size() > 9) {
            for (RespReply sub : items(fields.get(9))) {
                Spec spec = spec(sub, subDocs);
                if (spec != null) {
                    subcommands.put(spec.name(), spec);
                }
            }
        }
        RespReply summary = docFields.get("summary");
        List<Argument> arguments = docFields.containsKey("arguments")
                ? items(docFields.get("arguments")).stream().map(RedisCommandCatalog::argument).toList() : List.of();
        return new Spec(name, (int) number(fields.get(1)), words(fields.get(2)), (int) number(fields.get(3)),
                (int) number(fields.get(4)), (int) number(fields.get(5)),
                fields.size() > 6 ? words(fields.get(6)) : Set.of(), summary == null ? "" : summary.text(), arguments,
                subcommands);
    }

    private static Argument argument(RespReply doc) {
        Map<String, RespReply> f = new LinkedHashMap<>();
        pairs(doc).forEach(e -> f.put(e.key().text(), e.value()));
        Set<String> flags = f.containsKey("flags") ? words(f.get("flags")) : Set.of();
        List<Argument> children = f.containsKey("arguments")
                ? items(f.get("arguments")).stream().map(RedisCommandCatalog::argument).toList() : List.of();
        return new Argument(text(f.get("name")), text(f.get("type")), f.containsKey("token") ? text(f.get("token")) : null,
                flags.contains("optional"), flags.contains("multiple"), children);
    }

    private static String text(RespReply reply) {
        return reply == null || reply.text() == null ? "" : reply.text();
    }

    private static long number(RespReply reply) {
        return reply instanceof RespReply.Integer i ? i.value() : 0;
    }

    private static Set<String> words(RespReply reply) {
        Set<String> out = new LinkedHashSet<>();
        for (RespReply item : items(reply)) {
            if (item.text() != null) {
                out.add(lower(item.text()));
            }
        }
        return out;
    }

    static List<RespReply> items(RespReply reply) {
        return reply instanceof RespReply.Array a ? a.items() : List.of();
    }

    /** A RESP3 map's entries, or a RESP2 flat array read two by two. */
    static List<RespReply.Entry> pairs(RespReply reply) {
        if (reply instanceof RespReply.Map m) {
            return m.entries();
        }
        List<RespReply> items = items(reply);
        List<RespReply.Entry> entries = new ArrayList<>();
        for (int i = 0; i + 1 < items.size(); i += 2) {
            entries.add(new RespReply.Entry(items.get(i), items.get(i + 1)));
        }
        return entries;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
