package com.pulsevault.media;

import java.time.Instant;

/**
 * A signed grant: the token, the path it was asked for, when it was issued and when it stops working.
 * The token carries whole seconds, so {@link #lifetimeSeconds()} is exactly the lifetime granted.
 */
public record SignedMedia(String token, String videoId, String path, Instant issuedAt, Instant expiresAt) {

    public long lifetimeSeconds() {
        return expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
    }
}
