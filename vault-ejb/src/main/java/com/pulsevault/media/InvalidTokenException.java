package com.pulsevault.media;

import com.pulsevault.VaultException;

/** A media token that does not grant access; the reason is one word, for the audit trail. */
public class InvalidTokenException extends VaultException {
    private final String reason;

    public InvalidTokenException(String reason) {
        super("The media token is not valid (" + reason + ")");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
