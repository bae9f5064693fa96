package com.pulsevault.catalog;

import com.pulsevault.video.VideoStatus;

import java.time.Instant;

/**
 * What a list asks for; every field may be null (no filter).
 *
 * @param ownedByCaller only the caller's own videos ({@code owner=me})
 * @param uploadedTo    exclusive
 * @param terms         what a search looks for ({@link SearchTerms#NONE} for a list)
 */
public record VideoFilter(VideoStatus status, boolean ownedByCaller, String team, Instant uploadedFrom, Instant uploadedTo,
                          int limit, CatalogCursor cursor, SearchTerms terms) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public VideoFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        terms = terms == null ? SearchTerms.NONE : terms;
    }
}
