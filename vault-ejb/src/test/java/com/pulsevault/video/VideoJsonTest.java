package com.pulsevault.video;

import com.pulsevault.metadata.MetaJsonVideoRepository;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** meta.json files written by earlier versions (src/test/resources/meta-json) read unchanged. */
class VideoJsonTest {

    @TempDir
    Path videoDir;

    /** The fixture placed where the repository looks for it, read through the repository. */
    Video stored(String fixture) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/meta-json", fixture));
        String id = document(text).getString("videoId");
        Files.createDirectories(videoDir.resolve(id));
        Files.writeString(videoDir.resolve(id).resolve("meta.json"), text);
        return new MetaJsonVideoRepository(videoDir).get(new VideoId(id));
    }

    static JsonObject document(String metaJson) {
        return Json.createReader(new StringReader(metaJson)).readObject().getJsonObject("document");
    }

    @Test
    void aTranscodedVideoOfTheCurrentFormatIsReadWithEveryField() throws Exception {
        Video v = stored("transcoded.meta.json");
        assertEquals(VideoStatus.TRANSCODED, v.status());
        assertEquals(TranscodeState.DONE, v.transcoding());
        assertEquals(3, v.version());
        assertEquals("0259d20b-17a6-53bc-9181-6c09738177ae", v.owner());
        assertEquals(Set.of("it-ops"), v.teams());
        assertEquals("clip.mp4", v.original().filename());
        assertEquals(495123, v.original().size());
        assertEquals(2.0, v.duration());
        assertEquals(List.of("240p", "360p"), v.output().renditions().stream().map(Rendition::name).toList());
        assertEquals("stream/master.m3u8", v.output().hls());
        assertEquals("Knee, left", v.metadata().getString("title"));
        assertEquals(Instant.parse("2026-12-02T07:09:09.928974079Z"), v.transcodedAt());
    }

    @Test
    void aFailedVideoKeepsItsReasonForOperatorsAndItsKindForViewers() throws Exception {
        Video v = stored("failed.meta.json");
        assertEquals(VideoStatus.FAILED, v.status());
        assertEquals("unsupported media", v.error());
        assertEquals(FailureKind.UNSUPPORTED_MEDIA, v.failureKind());
        assertNull(v.output());
    }

    @Test
    void aVideoFromBeforeOwnersWereKeptHasNoOwnerAndKeepsItsOtherFields() throws Exception {
        Video v = stored("before-owners.meta.json");
        assertEquals(VideoStatus.UPLOADED, v.status());
        assertNull(v.owner());
        assertEquals(Set.of(), v.teams());
        assertEquals("dr.house", VideoJson.write(v).getString("userId"), "an unknown field is carried through");
    }

    @Test
    void writingWhatWasReadGivesBackTheSameDocument() throws Exception {
        for (String fixture : List.of("transcoded.meta.json", "failed.meta.json", "before-owners.meta.json")) {
            JsonObject original = document(Files.readString(Path.of("src/test/resources/meta-json", fixture)));
            assertEquals(original, VideoJson.write(VideoJson.read(original)), fixture);
        }
    }

    @Test
    void aDocumentThatIsNoVideoRecordIsRefused() {
        JsonObject noId = Json.createObjectBuilder().add("status", "uploaded").build();
        assertThrows(IllegalArgumentException.class, () -> VideoJson.read(noId));
        JsonObject oddStatus = Json.createObjectBuilder().add("videoId", VideoId.random().value()).add("status", "exploded").build();
        assertThrows(IllegalArgumentException.class, () -> VideoJson.read(oddStatus));
    }

    @Test
    void anUpdateThroughTheRepositoryIsDurableAndVersioned() throws Exception {
        Video v = stored("before-owners.meta.json");
        MetaJsonVideoRepository videos = new MetaJsonVideoRepository(videoDir);
        Video started = videos.update(v.id(), x -> x.transcodingStarted(1, Instant.parse("2026-11-20T09:15:00Z")));
        assertEquals(2, started.version());
        assertTrue(Files.readString(videoDir.resolve(v.id().value()).resolve("meta.json")).contains("\"status\":\"transcoding\""));
        assertEquals(VideoStatus.TRANSCODING, videos.get(v.id()).status());
    }
}
