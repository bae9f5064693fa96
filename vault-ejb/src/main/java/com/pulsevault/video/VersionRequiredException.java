package com.pulsevault.video;

import com.pulsevault.VaultException;

/** A change that names no version it was based on: it could overwrite someone else's. */
public class VersionRequiredException extends VaultException {
    public VersionRequiredException() {
        super("Send If-Match with the ETag of the version the change is based on");
    }
}
