package io.ringside.ui.cql;

import io.ringside.core.cql.CqlCompletion;
import io.ringside.core.cql.CqlLexer;
import io.ringside.core.cql.CqlToken;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Style spans of the editor from the core's lexer, so what is coloured as a string or a comment
 * is exactly what the splitter and the classifier take for one (lenient: an open string colours
 * to the end while it is typed).
 */
final class CqlHighlighting {

    private static final Set<String> KEYWORDS = CqlCompletion.KEYWORDS.stream()
            .map(k -> k.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private CqlHighlighting() {
    }

    static StyleSpans<Collection<String>> of(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        List<CqlToken> tokens = CqlLexer.lenientTokens(text);
        if (tokens.isEmpty()) {
            spans.add(List.of(), 0);
        }
        for (CqlToken token : tokens) {
            spans.add(style(token), token.text().length());
        }
        return spans.create();
    }

    static Collection<String> style(CqlToken token) {
        return switch (token.type()) {
            case WORD -> KEYWORDS.contains(token.upper()) ? List.of("cql-keyword") : List.of();
            case STRING, DOLLAR_STRING -> List.of("cql-string");
            case NUMBER -> List.of("cql-number");
            case COMMENT -> List.of("cql-comment");
            case QUOTED_NAME -> List.of("cql-name");
            default -> List.of();
        };
    }
}
