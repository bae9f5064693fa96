package com.pulsevault.video;

import com.pulsevault.VaultException;

/** A legal hold keeps the video as it is until an admin lifts it. */
public class LegalHoldException extends VaultException {
    public LegalHoldException() {
        super("The video is under a legal hold: it cannot be deleted until an admin lifts the hold");
    }
}
