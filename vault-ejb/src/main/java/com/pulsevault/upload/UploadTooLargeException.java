package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadTooLargeException extends VaultException {
    public UploadTooLargeException(String message) {
        super(message);
    }
}
