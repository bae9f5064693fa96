package com.pulsevault.video;

import com.pulsevault.VaultException;

/** The video was deleted: only its tombstone is left, and a tombstone does not change. */
public class VideoDeletedException extends VaultException {
    public VideoDeletedException() {
        super("The video was deleted; only its tombstone record is kept");
    }
}
