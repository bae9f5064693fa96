package com.pulsevault.transcode;

/** An attempt that failed in a way another attempt might not (timeout, crash, missing output). */
public class TranscodeFailedException extends RuntimeException {
    public TranscodeFailedException(String message) {
        super(message);
    }
}
