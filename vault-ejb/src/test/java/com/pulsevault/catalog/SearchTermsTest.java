package com.pulsevault.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a search looks for, folded and bounded; it never prints a term. */
class SearchTermsTest {

    @Test
    void wordsAreSplitOnWhiteSpaceAndFolded() {
        SearchTerms t = SearchTerms.of("  Left\tKNEE  effusion ", List.of(), Map.of());
        assertEquals(List.of("left", "knee", "effusion"), t.words());
    }

    @Test
    void tagsAreFoldedAndRepeatedOnesCountOnce() {
        assertEquals(List.of("follow-up"), SearchTerms.of(null, List.of("Follow-up", "follow-UP"), Map.of()).tags());
    }

    @Test
    void nothingAskedIsEmpty() {
        assertTrue(SearchTerms.of(" ", List.of(), Map.of()).isEmpty());
        assertFalse(SearchTerms.of(null, List.of(), Map.of("encounter", "E-1")).isEmpty());
    }

    @Test
    void limitsAreRefusedSayingWhichWithoutTheTerm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchTerms.of("w ".repeat(11), List.of(), Map.of()));
        assertEquals("text is limited to 10 words", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchTerms.of("x".repeat(257), List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SearchTerms.of(null, List.of(), Map.of("k", "v".repeat(513))));
    }

    @Test
    void printingCountsTheTermsAndNeverShowsThem() {
        SearchTerms t = SearchTerms.of("Doe John", List.of("knee"), Map.of("mrn", "12345"));
        assertEquals("SearchTerms[2 words, 1 tags, 1 metadata keys]", t.toString());
        assertFalse(t.describe().contains("doe") || t.describe().contains("12345"));
    }
}
