package com.pulsevault.web.catalog;

import com.pulsevault.catalog.CatalogCursor;
import com.pulsevault.catalog.VideoFilter;
import com.pulsevault.video.VideoStatus;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The filters a list and a search share, read from their text form; a bad one is a 400 naming it. */
final class FilterParams {

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private FilterParams() {
    }

    static VideoStatus status(String status) {
        try {
            return status == null ? null : VideoStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw invalid("status must be one of uploaded, queued, transcoding, transcoded, failed, deleted");
        }
    }

    static int limit(String limit) {
        if (limit == null) {
            return VideoFilter.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= VideoFilter.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid("limit must be a whole number from 1 to " + VideoFilter.MAX_LIMIT);
    }

    static CatalogCursor cursor(String cursor) {
        try {
            return cursor == null ? null : CatalogCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor must be the next value of an earlier page");
        }
    }

    /** An instant ({@code 2026-12-01T10:00:00Z}) or a UTC day ({@code 2026-12-01}, its start). */
    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new ProblemException(ProblemType.INVALID_DATE_RANGE, name + " must be between 1970 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.INVALID_DATE_RANGE, name + " must be a UTC day (2026-12-01) or an instant");
        }
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }
}
