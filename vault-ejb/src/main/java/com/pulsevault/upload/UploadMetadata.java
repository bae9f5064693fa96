package com.pulsevault.upload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tus {@code Upload-Metadata} header: comma-separated {@code key base64value} pairs, keys unique,
 * values optional. Kept raw so HEAD returns it byte for byte; decoded only into meta.json.
 */
public final class UploadMetadata {

    public static final int MAX_HEADER_LENGTH = 8 * 1024;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E&&[^,]]+");

    private final String raw;
    private final Map<String, String> values;

    private UploadMetadata(String raw, Map<String, String> values) {
        this.raw = raw;
        this.values = Collections.unmodifiableMap(values);
    }

    public static UploadMetadata empty() {
        return new UploadMetadata(null, new LinkedHashMap<>());
    }

    /** @throws InvalidUploadException when the header is too long, has a bad key, a duplicate or invalid base64 */
    public static UploadMetadata parse(String header) {
        if (header == null || header.isBlank()) {
            return empty();
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new InvalidUploadException("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : header.split(",", -1)) {
            // tus: "key base64value" pairs joined by commas, key and value split by exactly one space. Nothing
            // pads a pair: in "a YQ==, Yg==" the second key is empty (stock clients join with a bare comma)
            String[] parts = pair.split(" ", -1);
            if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
                throw new InvalidUploadException("Upload-Metadata has a malformed key/value pair: keys must not be empty,"
                        + " and a key and its value are separated by one space");
            }
            String value = "";
            if (parts.length == 2) {
                try {
                    value = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new InvalidUploadException("Upload-Metadata value for a key is not valid base64");
                }
            }
            if (values.putIfAbsent(parts[0], value) != null) {
                throw new InvalidUploadException("Upload-Metadata repeats a key");
            }
        }
        return new UploadMetadata(stripSpaces(header), values);
    }

    private static String stripSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    /** The header as the client sent it, or null. */
    public String raw() {
        return raw;
    }

    public Map<String, String> values() {
        return values;
    }
}
