package io.ringside.core.data.pm25;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds stored location names from part of one, for the CLI's {@code --location} and the console's
 * location search. Stored names are long ("Hyderabad US Consulate, India (हैदराबाद …)") and
 * nobody types them whole: a query matches a name that holds every word of it, in any order,
 * ignoring case and accents ("hyderabad", "consulate hyd", "sao paulo" for "São Paulo"). A name
 * equal to the query wins alone, so a stored name that is also part of a longer one stays
 * reachable.
 */
public final class LocationMatch {

    private LocationMatch() {
    }

    /** The names {@code query} matches, in the order given; all of them for a blank query. */
    public static List<String> matching(String query, Collection<String> names) {
        String wanted = query == null ? "" : query.strip();
        if (names.contains(wanted)) {
            return List.of(wanted);
        }
        String folded = fold(wanted);
        List<String> sameButCase = names.stream().filter(n -> fold(n).equals(folded)).toList();
        if (sameButCase.size() == 1) {
            return sameButCase;
        }
        return names.stream().filter(name -> matches(wanted, name)).toList();
    }

    /** Whether {@code name} holds every word of {@code query} (case and accents ignored); a blank query matches all. */
    public static boolean matches(String query, String name) {
        String candidate = fold(name);
        return Arrays.stream(fold(query == null ? "" : query).split("\\s+")).filter(w -> !w.isEmpty())
                .allMatch(candidate::contains);
    }

    /** Lower case without combining marks: "São" and "sao" compare equal. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
