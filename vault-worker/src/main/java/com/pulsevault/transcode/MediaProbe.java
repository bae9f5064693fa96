package com.pulsevault.transcode;

/**
 * What ffprobe found in an original.
 *
 * @param width  displayed width, after any rotation the file asks for
 * @param height displayed height
 */
public record MediaProbe(String format, double durationSeconds, int width, int height, boolean hasAudio) {

    public boolean isPortrait() {
        return height > width;
    }
}
