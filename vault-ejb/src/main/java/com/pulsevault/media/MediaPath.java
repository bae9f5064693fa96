package com.pulsevault.media;

import com.pulsevault.VaultException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files of a video may be served, and their safe resolution: the ladder under {@code stream/},
 * {@code poster.jpg} and {@code original.<ext>}; never meta.json, nothing hidden, nothing outside
 * the video's directory (a symlink pointing out is refused as well).
 */
public final class MediaPath {

    public static final String STREAM_PREFIX = "stream/";
    /** Documents built from meta.json for viewers, signed like files. */
    public static final java.util.Set<String> DOCUMENTS = java.util.Set.of("metadata", "renditions");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private MediaPath() {
    }

    /** @throws NotServableException for anything else (traversal, meta.json, hidden files, odd characters) */
    public static String validate(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            throw new NotServableException();
        }
        String[] parts = path.split("/", -1);
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches() || part.contains("..")) {
                throw new NotServableException();
            }
        }
        boolean ladder = parts.length == 2 && (parts[0] + "/").equals(STREAM_PREFIX);
        boolean top = parts.length == 1 && (parts[0].equals("poster.jpg") || parts[0].startsWith("original.")
                || DOCUMENTS.contains(parts[0]));
        if (!ladder && !top) {
            throw new NotServableException();
        }
        return path;
    }

    /** What a signature for {@code path} grants: a manifest opens its whole ladder, anything else only itself. */
    public static String scopeFor(String path) {
        return isManifest(path) ? STREAM_PREFIX : path;
    }

    public static boolean isManifest(String path) {
        return path.startsWith(STREAM_PREFIX) && (path.endsWith(".m3u8") || path.endsWith(".mpd"));
    }

    /** The file on disk, proven to lie inside the video's directory after every symlink is followed. */
    public static Path resolve(Path videoDir, String path) throws IOException {
        Path file = videoDir.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            throw new NotServableException();
        }
        Path real = file.toRealPath();
        if (!real.startsWith(videoDir.toRealPath())) {
            throw new NotServableException();
        }
        return real;
    }

    public static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (p.endsWith(".mpd")) {
            return "application/dash+xml";
        }
        if (p.endsWith(".m4s")) {
            return p.contains("init-") ? "video/mp4" : "video/iso.segment";
        }
        if (p.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (p.endsWith(".mp4") || p.endsWith(".m4v")) {
            return "video/mp4";
        }
        if (p.endsWith(".mov")) {
            return "video/quicktime";
        }
        if (p.endsWith(".webm")) {
            return "video/webm";
        }
        return "application/octet-stream";
    }

    /** Not something the vault serves, or not there: the same answer for both, so nothing is probed. */
    public static class NotServableException extends VaultException {
        public NotServableException() {
            super("No such media file");
        }
    }
}
