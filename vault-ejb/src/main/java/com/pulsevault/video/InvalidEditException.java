package com.pulsevault.video;

import com.pulsevault.VaultException;

/** A change to a video's record that breaks its rules (a field that cannot be edited, a wrong type, a limit). */
public class InvalidEditException extends VaultException {
    public InvalidEditException(String message) {
        super(message);
    }
}
