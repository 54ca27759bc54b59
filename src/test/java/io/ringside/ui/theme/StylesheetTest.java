package io.ringside.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dark variant may only re-colour: it overrides tokens the light sheet defines, nothing else. */
class StylesheetTest {

    private static final Pattern TOKEN_DEFINITION = Pattern.compile("(-rs-[a-z-]+)\\s*:");
    private static final Pattern SELECTOR = Pattern.compile("([^{}]+)\\{");

    @Test
    void darkThemeOverridesExactlyTheLightThemesTokens() throws IOException {
        String light = withoutComments(read(Styles.STYLESHEET));
        String dark = withoutComments(read(Styles.DARK_STYLESHEET));

        Set<String> darkSelectors = new TreeSet<>();
        Matcher selectors = SELECTOR.matcher(dark);
        while (selectors.find()) {
            darkSelectors.add(selectors.group(1).trim());
        }
        assertEquals(Set.of(".root"), darkSelectors, "the dark sheet has component rules");

        Set<String> lightTokens = tokens(light);
        assertFalse(lightTokens.isEmpty());
        assertEquals(lightTokens, tokens(dark), "dark and light define different tokens");
    }

    @Test
    void toneClassesHaveBadgeRules() throws IOException {
        String light = read(Styles.STYLESHEET);
        for (Tone tone : Tone.values()) {
            assertTrue(light.contains("." + Styles.BADGE + "." + Styles.of(tone) + " {"), "no badge rule for " + tone);
        }
    }

    private static Set<String> tokens(String css) {
        Set<String> tokens = new TreeSet<>();
        Matcher matcher = TOKEN_DEFINITION.matcher(css);
        while (matcher.find()) {
            tokens.add(matcher.group(1));
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
