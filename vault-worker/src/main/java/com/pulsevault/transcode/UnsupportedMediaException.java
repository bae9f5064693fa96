package com.pulsevault.transcode;

/** The original is not a real audio/video container with a video stream: trying again will not help. */
public class UnsupportedMediaException extends RuntimeException {
    public UnsupportedMediaException(String detail) {
        super("unsupported media: " + detail);
    }
}
