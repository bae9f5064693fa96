package com.pulsevault.video;

/** One rung of the ladder. @param codecs RFC 6381 codecs string, or null when ffprobe could not tell */
public record Rendition(String name, int width, int height, long bandwidth, String playlist, String codecs) {
}
