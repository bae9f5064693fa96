package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class UploadLockedException extends VaultException {
    public UploadLockedException() {
        super("Another request is writing to this upload");
    }
}
