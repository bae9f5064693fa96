package com.pulsevault.media;

import java.time.Instant;

/** A signed grant: the token, the path it was asked for, and when it stops working. */
public record SignedMedia(String token, String videoId, String path, Instant expiresAt) {
}
