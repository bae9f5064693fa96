package com.pulsevault.video;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A video's life, changed only through its own methods. */
class VideoTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final TranscodeOutput OUTPUT = new TranscodeOutput(6.0, 640, 360,
            List.of(new Rendition("360p", 640, 360, 932902, "stream/media_0.m3u8", null)), "stream/master.m3u8",
            "stream/manifest.mpd", "poster.jpg", new TranscodeOutput.Timings(10, 200, 30));

    static Video finalized() {
        return Video.finalized(VideoId.random(), new OriginalFile("original.mp4", 10, "ab", "knee.mp4"),
                Json.createObjectBuilder().add("title", "Left knee").build(), JsonObject.EMPTY_JSON_OBJECT, "alice",
                Set.of("icu", "cardiology"), null, T0);
    }

    @Test
    void aFinalizedVideoIsUploadedWithItsTranscodeQueued() {
        Video v = finalized();
        assertEquals(VideoStatus.UPLOADED, v.status());
        assertEquals(TranscodeState.QUEUED, v.transcoding());
        assertEquals(T0, v.createdAt());
        assertEquals(Set.of("cardiology", "icu"), v.teams());
    }

    @Test
    void aTranscodeRunsAndFinishes() {
        Video running = finalized().transcodingStarted(1, T0.plusSeconds(1));
        assertEquals(VideoStatus.TRANSCODING, running.status());
        Video done = running.retrying("ffmpeg exited 1", T0.plusSeconds(2)).transcoded(OUTPUT, T0.plusSeconds(3));
        assertEquals(VideoStatus.TRANSCODED, done.status());
        assertEquals(TranscodeState.DONE, done.transcoding());
        assertEquals(6.0, done.duration());
        assertEquals(T0.plusSeconds(3), done.transcodedAt());
        assertFalse(VideoJson.write(done).containsKey("lastError"), "a finished transcode forgets the retries' errors");
    }

    @Test
    void aRetryKeepsTheStatusAndRecordsTheReason() {
        Video retrying = finalized().transcodingStarted(1, T0).retrying("ffmpeg exited 1", T0.plusSeconds(1));
        assertEquals(VideoStatus.TRANSCODING, retrying.status());
        assertEquals(TranscodeState.RETRYING, retrying.transcoding());
        assertEquals("ffmpeg exited 1", VideoJson.write(retrying).getString("lastError"));
    }

    @Test
    void aFailedVideoTellsViewersOnlyTheKind() {
        Video failed = finalized().failed("unsupported media", FailureKind.UNSUPPORTED_MEDIA, T0);
        assertEquals(VideoStatus.FAILED, failed.status());
        assertEquals(FailureKind.UNSUPPORTED_MEDIA, failed.failureKind());
        assertNull(finalized().failureKind());
    }

    @Test
    void queuingAgainForgetsTheFailure() {
        Video again = finalized().failed("ffmpeg exited 1", FailureKind.TRANSCODE_FAILED, T0).queuedAgain(T0.plusSeconds(60));
        assertEquals(VideoStatus.QUEUED, again.status());
        assertNull(again.error());
        assertNull(again.failureKind());
        assertEquals(T0.plusSeconds(60), again.updatedAt());
    }

    @Test
    void aDeletedVideoDoesNotChange() {
        JsonObject tombstone = Json.createObjectBuilder().add("videoId", VideoId.random().value()).add("status", "deleted").build();
        Video deleted = VideoJson.read(tombstone);
        assertThrows(VideoDeletedException.class, () -> deleted.queuedAgain(T0));
    }

    @Test
    void aTombstoneKeepsWhoAndWhenButNothingTheClinicianOrTheUploadSaid() {
        Video done = finalized().transcoded(OUTPUT, T0.plusSeconds(30));
        Video tombstone = VideoJson.read(VideoJson.write(done.deleted(Duration.ZERO, T0.plusSeconds(60))));
        assertEquals(VideoStatus.DELETED, tombstone.status());
        assertEquals(done.owner(), tombstone.owner());
        assertEquals(done.teams(), tombstone.teams());
        assertEquals(T0, tombstone.createdAt());
        assertEquals(T0.plusSeconds(60), tombstone.deletedAt());
        assertNull(tombstone.original());
        assertNull(tombstone.output());
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, tombstone.metadata());
        String written = VideoJson.write(tombstone).toString();
        assertFalse(written.contains("knee") || written.contains("original.mp4") || written.contains("\"sha256\""), written);
    }

    @Test
    void aTombstoneKeepsTheUploadsIdButNotWhatTheClientSaidAboutIt() {
        JsonObject upload = Json.createObjectBuilder().add("id", "u-1").add("createdAt", "2026-12-01T09:00:00Z")
                .add("metadata", Json.createObjectBuilder().add("filename", "doe-john.mp4")).build();
        Video v = Video.finalized(VideoId.random(), null, JsonObject.EMPTY_JSON_OBJECT, upload, "alice", Set.of(), null, T0);
        Video tombstone = v.deleted(Duration.ZERO, T0);
        assertEquals("u-1", tombstone.uploadId());
        assertFalse(VideoJson.write(tombstone).toString().contains("doe-john"));
    }

    @Test
    void aLegalHoldRefusesDeletionUntilItIsLifted() {
        Video held = finalized().withLegalHold(true, T0);
        assertThrows(LegalHoldException.class, () -> held.deleted(Duration.ZERO, T0));
        assertEquals(VideoStatus.DELETED, held.withLegalHold(false, T0).deleted(Duration.ZERO, T0).status());
    }

    @Test
    void withinTheRetentionPeriodDeletionIsRefusedSayingUntilWhen() {
        RetentionException e = assertThrows(RetentionException.class,
                () -> finalized().deleted(Duration.ofDays(30), T0.plus(Duration.ofDays(29))));
        assertEquals(T0.plus(Duration.ofDays(30)), e.until());
        assertEquals(VideoStatus.DELETED, finalized().deleted(Duration.ofDays(30), T0.plus(Duration.ofDays(30))).status());
    }

    @Test
    void aVideoPrintsNoClinicalText() {
        assertFalse(finalized().toString().contains("knee") || finalized().toString().contains("alice"), finalized().toString());
    }

    @Test
    void aMalformedIdNamesNoVideo() {
        assertThrows(VideoNotFoundException.class, () -> new VideoId("../etc"));
        assertThrows(VideoNotFoundException.class, () -> new VideoId("6F1C1F3E-2B7A-4C1E-9D3A-0A1B2C3D4E5F"));
    }
}
