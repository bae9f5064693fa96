package com.pulsevault.video;

import java.util.Arrays;
import java.util.Locale;

/** meta.json's {@code transcoding}: the state of the transcode job, finer than the video's status (a retry keeps its status). */
public enum TranscodeState {
    QUEUED, RUNNING, RETRYING, DONE, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name no version of the vault wrote */
    public static TranscodeState of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transcode state"));
    }
}
