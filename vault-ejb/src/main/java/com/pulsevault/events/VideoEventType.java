package com.pulsevault.events;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a video, as an SSE event name. */
public enum VideoEventType {
    FINALIZED("video.finalized"),
    PROGRESS("transcode.progress"),
    TRANSCODED("video.transcoded"),
    FAILED("video.failed"),
    UPDATED("video.updated"),
    DELETED("video.deleted");

    private final String wire;

    VideoEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<VideoEventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
