package com.pulsevault.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a search looks for besides the list filters: words that must all appear (case-insensitive) in
 * the title, description or tags; tags the video must all have; metadata keys with the exact value.
 * They can identify a patient: this type never prints them.
 */
public final class SearchTerms {

    public static final SearchTerms NONE = new SearchTerms(List.of(), List.of(), Map.of());
    public static final int MAX_TEXT = 256;
    public static final int MAX_WORDS = 10;
    public static final int MAX_TAGS = 20;
    public static final int MAX_METADATA = 10;

    private final List<String> words;
    private final List<String> tags;
    private final Map<String, String> metadata;

    private SearchTerms(List<String> words, List<String> tags, Map<String, String> metadata) {
        this.words = words;
        this.tags = tags;
        this.metadata = metadata;
    }

    /**
     * @param text     words separated by white space, or null
     * @param metadata key to the exact value (a string, or a number or boolean as JSON writes it)
     * @throws IllegalArgumentException past the limits, saying which one (never repeating a term)
     */
    public static SearchTerms of(String text, List<String> tags, Map<String, String> metadata) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("text is limited to " + MAX_TEXT + " characters");
            }
            for (String word : text.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(fold(word));
                }
            }
            if (words.size() > MAX_WORDS) {
                throw new IllegalArgumentException("text is limited to " + MAX_WORDS + " words");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags is limited to " + MAX_TAGS + " tags");
        }
        if (metadata.size() > MAX_METADATA) {
            throw new IllegalArgumentException("metadata is limited to " + MAX_METADATA + " keys");
        }
        metadata.forEach((k, v) -> {
            if (k.length() > CatalogMetadata.MAX_KEY || v.length() > CatalogMetadata.MAX_VALUE) {
                throw new IllegalArgumentException("metadata keys are limited to " + CatalogMetadata.MAX_KEY
                        + " characters and values to " + CatalogMetadata.MAX_VALUE);
            }
        });
        return new SearchTerms(List.copyOf(words), tags.stream().map(SearchTerms::fold).distinct().toList(),
                Map.copyOf(new TreeMap<>(metadata)));
    }

    /** The case-insensitive form words and tags are indexed and compared in. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return words.isEmpty() && tags.isEmpty() && metadata.isEmpty();
    }

    List<String> words() { return words; }
    List<String> tags() { return tags; }
    Map<String, String> metadata() { return metadata; }

    /** How many terms, never which: for the audit trail. */
    public String describe() {
        return words.size() + " words, " + tags.size() + " tags, " + metadata.size() + " metadata keys";
    }

    @Override
    public String toString() {
        return "SearchTerms[" + describe() + "]";
    }
}
