package com.pulsevault.upload;

import com.pulsevault.VaultException;

public class OffsetMismatchException extends VaultException {
    private final long currentOffset;

    public OffsetMismatchException(long currentOffset, long requestedOffset) {
        super("Upload-Offset " + requestedOffset + " does not match the upload's offset " + currentOffset);
        this.currentOffset = currentOffset;
    }

    public long currentOffset() {
        return currentOffset;
    }
}
