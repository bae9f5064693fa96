package com.pulsevault.video;

import java.util.UUID;
import java.util.regex.Pattern;

/** A video's id: a canonical lower-case UUID, so that no id can step outside the video directory. */
public record VideoId(String value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** @throws VideoNotFoundException for anything else: a malformed id names no video */
    public VideoId {
        if (!isValid(value)) {
            throw new VideoNotFoundException();
        }
    }

    public static VideoId random() {
        return new VideoId(UUID.randomUUID().toString());
    }

    public static boolean isValid(String candidate) {
        return candidate != null && CANONICAL.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
