package com.pulsevault.metadata;

import jakarta.ejb.ApplicationException;

/**
 * A meta.json that fails its own checksum: a fault to alert on, never silently used (and never
 * overwritten). An application exception only so that EJBs hand it on unwrapped.
 */
@ApplicationException
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
