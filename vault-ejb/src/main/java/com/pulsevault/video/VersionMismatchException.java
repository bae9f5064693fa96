package com.pulsevault.video;

import com.pulsevault.VaultException;

/** The change was based on a version that is no longer the current one: someone else saved first. */
public class VersionMismatchException extends VaultException {

    private final long current;

    public VersionMismatchException(long current) {
        super("The video changed since that version was read (it is at version " + current + "): read it again, then apply the change");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
