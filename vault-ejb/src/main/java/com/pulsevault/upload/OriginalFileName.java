package com.pulsevault.upload;

import java.util.Locale;
import java.util.Set;

/**
 * The client's name for the recording. It is stored only in meta.json; on disk the file is always
 * {@code original.<ext>}, the extension taken from an allowlist, never from the client's path.
 */
public final class OriginalFileName {

    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "qt", "webm", "mkv", "avi", "3gp",
            "3g2", "mpg", "mpeg", "ts", "mts", "m2ts", "wmv", "flv", "ogv", "mxf", "m4a", "mp3", "wav");
    private static final int MAX_LENGTH = 255;

    private OriginalFileName() {
    }

    /** @throws InvalidUploadException for a name with path separators, control characters or too long */
    public static void validate(String filename) {
        if (filename == null) {
            return;
        }
        if (filename.isBlank() || filename.length() > MAX_LENGTH) {
            throw new InvalidUploadException("filename must be 1 to " + MAX_LENGTH + " characters");
        }
        if (filename.equals(".") || filename.equals("..")) {
            throw new InvalidUploadException("filename must name a file");
        }
        for (char c : filename.toCharArray()) {
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw new InvalidUploadException("filename must not contain path separators or control characters");
            }
        }
    }

    /**
     * The tus {@code filename} metadata as a recording's name: its last path segment (some clients send
     * a full path), or null when nothing usable is left.
     */
    public static String fromUploadMetadata(String value) {
        if (value == null) {
            return null;
        }
        String name = value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
        try {
            validate(name);
            return name;
        } catch (InvalidUploadException unusable) {
            return null;
        }
    }

    /** {@code original.mp4} for "Knee MRI.MP4"; {@code original.bin} when the extension is not a known media type. */
    public static String storedName(String filename) {
        if (filename != null) {
            int dot = filename.lastIndexOf('.');
            if (dot >= 0) {
                String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (VIDEO_EXTENSIONS.contains(ext)) {
                    return "original." + ext;
                }
            }
        }
        return "original.bin";
    }
}
