package com.pulsevault.video;

import java.util.Arrays;

/**
 * Why a video cannot be played, as a viewer may be told: short and non-clinical. Operators see the
 * detailed reason (meta.json's {@code error}, the admin overview); viewers see only this.
 */
public enum FailureKind {
    UNSUPPORTED_MEDIA("unsupported-media", "The upload is not a video the vault can play."),
    TRANSCODE_FAILED("transcode-failed", "The video could not be prepared for playback; the vault's administrators can retry it.");

    private final String code;
    private final String message;

    FailureKind(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The kind recorded in meta.json; an older document without one is told by its error. */
    public static FailureKind of(String code, String error) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElse("unsupported media".equals(error) ? UNSUPPORTED_MEDIA : TRANSCODE_FAILED);
    }
}
