package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadInterruptedException extends VaultException {
    public UploadInterruptedException() {
        super("The request body ended before all of it arrived");
    }
}
