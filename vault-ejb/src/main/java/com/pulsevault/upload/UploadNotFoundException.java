package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadNotFoundException extends VaultException {
    public UploadNotFoundException() {
        super("The upload does not exist (unknown, terminated or already finalized)");
    }
}
