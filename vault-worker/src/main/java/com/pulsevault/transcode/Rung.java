package com.pulsevault.transcode;

/**
 * One rendition of the ladder.
 *
 * @param shortSide pixels on the picture's short side (240 for 240p, whether landscape or portrait)
 */
public record Rung(String name, int shortSide, int videoKbps) {
}
