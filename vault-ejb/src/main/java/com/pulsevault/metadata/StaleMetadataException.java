package com.pulsevault.metadata;

import com.pulsevault.VaultException;

/** Someone else updated meta.json since it was read: re-read and apply the change again. */
public class StaleMetadataException extends VaultException {
    public StaleMetadataException(String videoId, long expected, long actual) {
        super("meta.json of video " + videoId + " is at version " + actual + ", not " + expected);
    }

    /** A change that conflicts with what is stored, said in the caller's terms. */
    public StaleMetadataException(String message) {
        super(message);
    }
}
