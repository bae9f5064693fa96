package com.pulsevault.video;

/**
 * The uploaded file as stored: {@code original.<ext>} in the video's directory.
 *
 * @param filename the client's name for it (may identify a patient: never in a log or a viewer document), or null
 */
public record OriginalFile(String file, long size, String sha256, String filename) {
}
