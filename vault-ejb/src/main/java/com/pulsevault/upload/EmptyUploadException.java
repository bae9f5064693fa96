package com.pulsevault.upload;

import com.pulsevault.VaultException;

/** A finalize of an upload without a single byte: there is no recording to keep. */
public class EmptyUploadException extends VaultException {
    public EmptyUploadException() {
        super("The upload has no content; there is no video to make of it");
    }
}
