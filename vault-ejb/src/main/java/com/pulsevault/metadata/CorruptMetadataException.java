package com.pulsevault.metadata;

/** A meta.json that fails its own checksum: a fault to alert on, never silently used. */
public class CorruptMetadataException extends RuntimeException {
    private final String videoId;

    public CorruptMetadataException(String videoId, String message) {
        super(message + " (video " + videoId + ")");
        this.videoId = videoId;
    }

    public String videoId() {
        return videoId;
    }
}
