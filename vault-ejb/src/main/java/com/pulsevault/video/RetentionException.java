package com.pulsevault.video;

import com.pulsevault.VaultException;

import java.time.Instant;

/** The video is within the minimum retention period (pulsevault.retention.min-days) and is kept. */
public class RetentionException extends VaultException {

    private final Instant until;

    public RetentionException(Instant until) {
        super("The video must be kept until " + until + " (pulsevault.retention.min-days)");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
