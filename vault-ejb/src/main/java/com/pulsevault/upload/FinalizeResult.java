package com.pulsevault.upload;

/** @param checksum {@code sha256:<hex>} of the stored original */
public record FinalizeResult(String videoId, String status, long size, String checksum, String transcoding) {
}
