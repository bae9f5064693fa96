package com.pulsevault.upload;

import com.pulsevault.VaultException;

/** A request that breaks the protocol or our limits in a way the client must correct. */
public class InvalidUploadException extends VaultException {
    public InvalidUploadException(String message) {
        super(message);
    }
}
