package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class ChecksumMismatchException extends VaultException {
    public ChecksumMismatchException() {
        super("The chunk does not match its Upload-Checksum; it was discarded");
    }
}
