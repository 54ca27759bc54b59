package io.ringside.ui.theme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The colour tokens name AtlantaFX's colours, so Primer Light and Dark colour the console alike
 * and the dark variant needs no palette; what it does hold may only re-colour.
 */
class StylesheetTest {

    private static final Pattern TOKEN_DEFINITION = Pattern.compile("(-rs-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final Pattern SELECTOR = Pattern.compile("([^{}]+)\\{");
    private static final Pattern ATLANTAFX_TOKEN = Pattern.compile("-color-[a-z0-9-]+");

    @Test
    void everyTokenNamesAnAtlantaFxColour() throws IOException {
        Map<String, String> tokens = tokens(withoutComments(read(Styles.STYLESHEET)));

        assertFalse(tokens.isEmpty());
        tokens.forEach((token, value) -> assertTrue(ATLANTAFX_TOKEN.matcher(value).matches(),
                token + " is " + value + ", not an AtlantaFX colour"));
    }

    @Test
    void darkSheetOnlyOverridesTokensTheLightSheetDefines() throws IOException {
        String light = withoutComments(read(Styles.STYLESHEET));
        String dark = withoutComments(read(Styles.DARK_STYLESHEET));

        Set<String> darkSelectors = new TreeSet<>();
        Matcher selectors = SELECTOR.matcher(dark);
        while (selectors.find()) {
            darkSelectors.add(selectors.group(1).trim());
        }
        assertTrue(Set.of(".root").containsAll(darkSelectors), "the dark sheet has component rules: " + darkSelectors);
        assertTrue(tokens(light).keySet().containsAll(tokens(dark).keySet()), "the dark sheet defines new tokens");
    }

    @Test
    void toneClassesHaveBadgeRules() throws IOException {
        String light = read(Styles.STYLESHEET);
        for (Tone tone : Tone.values()) {
            assertTrue(light.contains("." + Styles.BADGE + "." + Styles.of(tone) + " {"), "no badge rule for " + tone);
        }
    }

    private static Map<String, String> tokens(String css) {
        Map<String, String> tokens = new TreeMap<>();
        Matcher matcher = TOKEN_DEFINITION.matcher(css);
        while (matcher.find()) {
            tokens.put(matcher.group(1), matcher.group(2).trim());
        }
        return tokens;
    }

    private static String withoutComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = StylesheetTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
