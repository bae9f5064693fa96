package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadExpiredException extends VaultException {
    public UploadExpiredException() {
        super("The upload has expired");
    }
}
