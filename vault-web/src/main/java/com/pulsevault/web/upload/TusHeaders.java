package com.pulsevault.web.upload;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Reading and writing tus header values; anything malformed is a 400 naming the header. */
final class TusHeaders {

    private static final Pattern NON_NEGATIVE = Pattern.compile("\\d{1,18}");

    private TusHeaders() {
    }

    /** A required non-negative integer header. */
    static long required(HttpHeaders headers, String name) {
        Long value = optional(headers, name);
        if (value == null) {
            throw new ProblemException(ProblemType.INVALID_HEADER, name + " is required");
        }
        return value;
    }

    static Long optional(HttpHeaders headers, String name) {
        String raw = headers.getHeaderString(name);
        if (raw == null) {
            return null;
        }
        if (!NON_NEGATIVE.matcher(raw.trim()).matches()) {
            throw new ProblemException(ProblemType.INVALID_HEADER, name + " must be a non-negative integer");
        }
        return Long.parseLong(raw.trim());
    }

    static boolean isOffsetOctetStream(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && "offset+octet-stream".equalsIgnoreCase(type.getSubtype());
    }

    /** RFC 9110 date, as Upload-Expires requires. */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
