package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocationMatchTest {

    private static final String HYDERABAD = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";
    private static final List<String> STORED = List.of("Aotizhongxin", "Dongsi", HYDERABAD, "São Paulo",
            "Delhi", "New Delhi US Embassy");

    @Test
    void partOfANameFindsTheStoredName() {
        assertEquals(List.of(HYDERABAD), LocationMatch.matching("Hyderabad", STORED));
        assertEquals(List.of(HYDERABAD), LocationMatch.matching("  consulate hyd ", STORED), "words in any order");
        assertEquals(List.of(HYDERABAD), LocationMatch.matching("हैदराबाद", STORED), "the name's other script");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        assertEquals(List.of("São Paulo"), LocationMatch.matching("sao paulo", STORED));
        assertEquals(List.of("Dongsi"), LocationMatch.matching("DONGSI", STORED));
    }

    @Test
    void anExactNameWinsOverTheLongerNamesHoldingIt() {
        assertEquals(List.of("Delhi"), LocationMatch.matching("Delhi", STORED));
        assertEquals(List.of("Delhi"), LocationMatch.matching("delhi", STORED));
        assertEquals(List.of("Delhi", "New Delhi US Embassy"), LocationMatch.matching("delh", STORED));
    }

    @Test
    void noMatchIsEmptyAndABlankQueryMatchesAll() {
        assertEquals(List.of(), LocationMatch.matching("Beijing", STORED));
        assertEquals(STORED, LocationMatch.matching(" ", STORED));
    }
}
