package com.pulsevault.upload;

import java.util.UUID;
import java.util.regex.Pattern;

/** A random UUID in canonical lowercase form: the only thing that ever names an upload on disk or in a URL. */
public record UploadId(String value) {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public UploadId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new UploadNotFoundException();
        }
    }

    public static boolean isCanonical(String raw) {
        return raw != null && CANONICAL.matcher(raw).matches();
    }

    public static UploadId random() {
        return new UploadId(UUID.randomUUID().toString());
    }

    /** Anything that is not a canonical id (../x, an absolute path, ...) simply names no upload. */
    public static UploadId parse(String raw) {
        return new UploadId(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
