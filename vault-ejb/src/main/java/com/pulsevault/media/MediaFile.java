package com.pulsevault.media;

import java.nio.file.Path;
import java.time.Instant;

/** A file a token has been found to grant, ready to stream. */
public record MediaFile(Path file, String videoId, String path, String contentType, MediaToken token) {

    public Instant grantEnds() {
        return token.expiresAt();
    }
}
