package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadIncompleteException extends VaultException {
    public UploadIncompleteException() {
        super("The upload has not received all of its bytes yet");
    }
}
