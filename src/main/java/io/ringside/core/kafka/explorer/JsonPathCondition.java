package io.ringside.core.kafka.explorer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.ParseContext;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A condition on a JSON value: a JSONPath (Jayway) and optionally an operator and a literal, e.g.
 * {@code $.state == "failed"}, {@code $.done >= 100}, {@code $.message =~ "time.?out"} or just
 * {@code $.error} (present and not null). A path that selects several values matches when any of
 * them does. A string equality first looks for the quoted string in the raw bytes, so records that
 * cannot match are never parsed (see {@link #cannotHold}); a value that is not JSON never matches. A path of plain names
 * ({@code $.a.b}) is evaluated on Jackson's token stream without building the document, the same
 * answer as Jayway's for a scalar (it reads the first JSON value of the bytes, as Jayway does);
 * an object or array there goes to Jayway.
 */
final class JsonPathCondition implements MessageFilter {

    private static final Pattern SHAPE = Pattern.compile("^\\s*(\\$.*?)\\s*(==|!=|>=|<=|=~|>|<)\\s*(.+?)\\s*$",
            Pattern.DOTALL);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 _.:,;@#%+-]*");
    private static final Pattern NAMES = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final JsonFactory TOKENS = new JsonFactory();
    private static final Object CONTAINER = new Object();
    private static final ObjectMapper LITERALS = new ObjectMapper();
    private static final ParseContext JSON = JsonPath.using(Configuration.builder()
            .jsonProvider(new JacksonJsonProvider()).mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS).build());

    private final String text;
    private final JsonPath path;
    private final String operator;
    private final Object literal;
    private final Pattern regex;
    private final Bytes prefilter;
    private final String[] names;

    private JsonPathCondition(String text, JsonPath path, String operator, Object literal, Pattern regex, Bytes prefilter,
                              String pathText) {
        this.text = text;
        this.names = NAMES.matcher(pathText).matches() ? pathText.substring(2).split("\\.") : null;
        this.path = path;
        this.operator = operator;
        this.literal = literal;
        this.regex = regex;
        this.prefilter = prefilter;
    }

    /** @throws IllegalArgumentException naming what is wrong with the condition */
    static JsonPathCondition parse(String condition) {
        Matcher shape = SHAPE.matcher(condition);
        String pathText = shape.matches() ? shape.group(1) : condition.trim();
        if (!pathText.startsWith("$")) {
            throw new IllegalArgumentException("A JSON path condition starts with $, e.g. $.state == \"failed\" (got '"
                    + condition + "')");
        }
        JsonPath path;
        try {
            path = JsonPath.compile(pathText);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Not a JSON path: " + pathText + " (" + e.getMessage() + ")", e);
        }
        if (!shape.matches()) {
            return new JsonPathCondition(condition, path, null, null, null, null, pathText);
        }
        String operator = shape.group(2);
        Object literal = literal(shape.group(3));
        Pattern regex = null;
        if (operator.equals("=~")) {
            try {
                regex = Pattern.compile(String.valueOf(literal));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Not a regular expression after =~: " + e.getMessage(), e);
            }
        }
        Bytes prefilter = operator.equals("==") && literal instanceof String s && PLAIN.matcher(s).matches()
                && !pathText.contains("(") ? Bytes.finder(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8)) : null;
        return new JsonPathCondition(condition, path, operator, literal, regex, prefilter, pathText);
    }

    /** A JSON literal ("text", 'text', /regex/, a number, true, false, null); anything else as bare text. */
    private static Object literal(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("/") && text.endsWith("/"))) {
            return text.substring(1, text.length() - 1);
        }
        try {
            JsonNode node = LITERALS.readTree(text);
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNull()) {
                return null;
            }
        } catch (java.io.IOException notJson) {
            // bare text below
        }
        return text;
    }

    @Override
    public boolean test(ConsumerRecord<ByteBuffer, ByteBuffer> record) {
        ByteBuffer value = Bytes.onHeap(record.value());
        if (value == null) {
            return false;
        }
        byte[] bytes = value.array();
        int from = Bytes.from(value);
        int length = value.remaining();
        if (prefilter != null && cannotHold(bytes, from, length)) {
            return false;
        }
        if (names != null) {
            try {
                Object scalar = streamed(bytes, from, length);
                if (scalar != CONTAINER) {
                    return holds(scalar);
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                return false;
            }
        }
        Object found;
        try {
            found = JSON.parse(new ByteArrayInputStream(bytes, from, length)).read(path);
        } catch (RuntimeException notJson) {
            return false;
        }
        if (found instanceof List<?> many && !path.isDefinite()) {
            return many.stream().anyMatch(this::holds);
        }
        return holds(found);
    }

    /**
     * True only when no parse of {@code bytes[from..from+length)} can yield the literal as a string,
     * so the record need not be parsed: a plain ASCII literal is written {@code "literal"} in UTF-8
     * JSON unless a character of it is escaped (every escape starts with a backslash) or the value is
     * UTF-16 or UTF-32, which Jackson detects by a byte-order mark or a zero byte among the first
     * four. A path with a function call ({@code concat()}) may make a string the bytes never hold
     * and has no prefilter at all.
     */
    private boolean cannotHold(byte[] bytes, int from, int length) {
        int to = from + length;
        return !prefilter.in(bytes, from, to) && !Bytes.contains(bytes, from, to, (byte) '\\') && !wide(bytes, from, length);
    }

    /** A byte-order mark of UTF-16 or UTF-32, or a zero byte among the first four (Jackson's own detection). */
    private static boolean wide(byte[] bytes, int from, int length) {
        for (int i = from; i < from + Math.min(4, length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return length >= 2 && (bytes[from] == (byte) 0xFE && bytes[from + 1] == (byte) 0xFF
                || bytes[from] == (byte) 0xFF && bytes[from + 1] == (byte) 0xFE);
    }

    /**
     * The scalar at {@link #names} in the first JSON value of the bytes (null when absent),
     * or {@link #CONTAINER} when an object or array is there or on the way.
     *
     * @throws java.io.IOException when the bytes are not JSON
     */
    private Object streamed(byte[] bytes, int from, int length) throws java.io.IOException {
        try (JsonParser parser = TOKENS.createParser(bytes, from, length)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new java.io.EOFException("empty value");
            }
            if (root != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return root == JsonToken.START_ARRAY ? CONTAINER : null;
            }
            return field(parser, 0);
        }
    }

    /** Reads the object the parser is at to its end; what {@code names[depth..]} selects in it. */
    private Object field(JsonParser parser, int depth) throws java.io.IOException {
        Object found = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            boolean wanted = names[depth].equals(parser.currentName());
            JsonToken next = parser.nextToken();
            if (!wanted) {
                parser.skipChildren();
            } else if (depth == names.length - 1) {
                found = scalar(parser, next);
            } else if (next == JsonToken.START_OBJECT) {
                found = field(parser, depth + 1);
            } else {
                found = next == JsonToken.START_ARRAY ? CONTAINER : null;
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new java.io.EOFException("unterminated object");
        }
        return found;
    }

    private static Object scalar(JsonParser parser, JsonToken token) throws java.io.IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                yield CONTAINER;
            }
        };
    }

    private boolean holds(Object value) {
        if (operator == null) {
            return value != null;
        }
        return switch (operator) {
            case "==" -> same(value);
            case "!=" -> !same(value);
            case "=~" -> value != null && regex.matcher(String.valueOf(value)).find();
            default -> {
                Integer order = compare(value);
                yield order != null && switch (operator) {
                    case ">" -> order > 0;
                    case "<" -> order < 0;
                    case ">=" -> order >= 0;
                    default -> order <= 0;
                };
            }
        };
    }

    private boolean same(Object value) {
        if (literal == null || value == null) {
            return literal == value;
        }
        if (literal instanceof BigDecimal number) {
            return value instanceof Number n && new BigDecimal(n.toString()).compareTo(number) == 0;
        }
        return literal.equals(value);
    }

    private Integer compare(Object value) {
        if (literal instanceof BigDecimal number && value instanceof Number n) {
            return new BigDecimal(n.toString()).compareTo(number);
        }
        if (literal instanceof String s && value instanceof String v) {
            return v.compareTo(s);
        }
        return null;
    }

    @Override
    public String describe() {
        return "JSON " + text;
    }
}
