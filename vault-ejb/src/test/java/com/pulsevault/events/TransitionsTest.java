package com.pulsevault.events;

import com.pulsevault.video.FailureKind;
import com.pulsevault.video.OriginalFile;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoEdit;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which event a stored change of a video stands for. */
class TransitionsTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    /** As the store hands it back: the store sets the version. */
    static Video stored(Video v, long version) {
        return VideoJson.read(Json.createObjectBuilder(VideoJson.write(v)).add("version", version).build());
    }

    static Video finalized() {
        return stored(Video.finalized(VideoId.random(), new OriginalFile("original.mp4", 3, "ab", "k.mp4"),
                JsonObject.EMPTY_JSON_OBJECT, JsonObject.EMPTY_JSON_OBJECT, "alice", Set.of("icu"), null, NOW), 1);
    }

    static List<VideoEventType> of(Video before, Video after) {
        return VideoEvents.Transitions.of(before, stored(after, before.version() + 1));
    }

    @Test
    void aWorkerStartingIsProgressAndItsOutcomeIsTranscodedOrFailed() {
        Video v = finalized();
        assertEquals(List.of(VideoEventType.PROGRESS), of(v, v.transcodingStarted(1, NOW)));
        assertEquals(List.of(VideoEventType.FAILED), of(v, v.failed("not a video", FailureKind.UNSUPPORTED_MEDIA, NOW)));
    }

    @Test
    void anEditIsAnUpdateAndARetryOrAHoldIsNothing() {
        Video v = finalized();
        assertEquals(List.of(VideoEventType.UPDATED), of(v, VideoEdit.apply(v, Json.createObjectBuilder().add("title", "t").build(), NOW).video()));
        assertEquals(List.of(), of(v, v.retrying("ffmpeg exited 1", NOW)));
        assertEquals(List.of(), of(v, v.withLegalHold(true, NOW)));
    }

    @Test
    void aDeletionIsDeletedNotAnUpdate() {
        Video v = finalized();
        assertEquals(List.of(VideoEventType.DELETED), of(v, v.deleted(Duration.ZERO, NOW)));
    }
}
