package com.pulsevault.video;

import java.util.Arrays;
import java.util.Locale;

/** Where a video is in its life: {@code uploaded → queued → transcoding → transcoded | failed}, or {@code deleted}. */
public enum VideoStatus {
    UPLOADED, QUEUED, TRANSCODING, TRANSCODED, FAILED, DELETED;

    /** The name in meta.json and in the API. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name no version of the vault wrote */
    public static VideoStatus of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown video status"));
    }
}
