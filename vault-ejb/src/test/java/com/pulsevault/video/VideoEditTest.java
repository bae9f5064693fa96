package com.pulsevault.video;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merge patches (RFC 7396) on the editable part of a video's record. */
class VideoEditTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    static Video video() {
        return Video.finalized(VideoId.random(), new OriginalFile("original.mp4", 3, "ab", "knee.mp4"),
                json("{'title':'Left knee','department':'ortho'}"), JsonObject.EMPTY_JSON_OBJECT, "alice", Set.of("cardiology"),
                null, VideoTest.T0);
    }

    /** The video as the store hands it back after a write: the store sets the version. */
    static Video stored(Video v, long version) {
        return VideoJson.read(Json.createObjectBuilder(VideoJson.write(v)).add("version", version).build());
    }

    @Test
    void aTranscodeAfterReadingDoesNotMakeAnEditStale() {
        Video read = stored(video(), 1);
        Video transcoding = stored(read.transcodingStarted(1, NOW), 2);
        assertFalse(transcoding.editedSince(1));
    }

    @Test
    void anEditAfterReadingMakesAnEditBasedOnTheOldVersionStale() {
        Video read = stored(video(), 1);
        Video edited = stored(VideoEdit.apply(read, json("{'title':'mine'}"), NOW).video(), 2);
        Video thenTranscoding = stored(edited.transcodingStarted(1, NOW), 3);
        assertTrue(thenTranscoding.editedSince(1));
        assertFalse(thenTranscoding.editedSince(2));
        assertFalse(thenTranscoding.editedSince(3));
    }

    @Test
    void aVersionNotYetWrittenOrMalformedIsStale() {
        Video read = stored(video(), 1);
        assertTrue(read.editedSince(2));
        assertTrue(read.editedSince(-1));
    }

    @Test
    void aPatchSetsFieldsAndNamesWhatChanged() {
        VideoEdit.Result r = VideoEdit.apply(video(), json("{'title':'Knee, left','tags':['knee','follow-up']}"), NOW);
        assertEquals("Knee, left", r.video().title());
        assertEquals(List.of("knee", "follow-up"), r.video().tags());
        assertEquals(List.of("title", "tags"), r.changed());
        assertEquals(NOW, r.video().updatedAt());
    }

    @Test
    void metadataMergesKeyByKeyAndNullRemovesAKey() {
        VideoEdit.Result r = VideoEdit.apply(video(), json("{'metadata':{'department':null,'side':'left'}}"), NOW);
        assertEquals(json("{'title':'Left knee','side':'left'}"), r.video().metadata());
        assertEquals(List.of("metadata"), r.changed());
    }

    @Test
    void nullRemovesAFieldAndArraysAreReplacedWhole() {
        Video tagged = VideoEdit.apply(video(), json("{'title':'T','tags':['a','b']}"), NOW).video();
        VideoEdit.Result r = VideoEdit.apply(tagged, json("{'title':null,'tags':['c']}"), NOW);
        assertNull(r.video().title());
        assertEquals(List.of("c"), r.video().tags());
    }

    @Test
    void teamsAreReplacedByThePatch() {
        assertEquals(Set.of("icu"), VideoEdit.apply(video(), json("{'teams':['icu']}"), NOW).video().teams());
        assertEquals(Set.of(), VideoEdit.apply(video(), json("{'teams':[]}"), NOW).video().teams());
    }

    @Test
    void aPatchThatChangesNothingLeavesTheVideoAsItWas() {
        Video v = video();
        VideoEdit.Result r = VideoEdit.apply(v, json("{'teams':['cardiology'],'metadata':{'department':'ortho'}}"), NOW);
        assertSame(v, r.video());
        assertTrue(r.changed().isEmpty());
    }

    @Test
    void whatTheVaultKeepsCannotBePatched() {
        for (String field : new String[]{"status", "owner", "original", "version", "renditions"}) {
            InvalidEditException e = assertThrows(InvalidEditException.class,
                    () -> VideoEdit.apply(video(), json("{'" + field + "':'x'}"), NOW));
            assertTrue(e.getMessage().startsWith(field), e.getMessage());
        }
    }

    @Test
    void wrongTypesAndLimitsAreRefusedNamingTheField() {
        String[][] cases = {{"{'title':5}", "title"}, {"{'title':'   '}", "title"}, {"{'tags':'knee'}", "tags"},
                {"{'tags':[1]}", "tags"}, {"{'metadata':[]}", "metadata"}, {"{'teams':['']}", "teams"},
                {"{'title':'" + "x".repeat(513) + "'}", "title"}};
        for (String[] c : cases) {
            InvalidEditException e = assertThrows(InvalidEditException.class, () -> VideoEdit.apply(video(), json(c[0]), NOW), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
    }

    @Test
    void theEditedRecordIsWrittenWithItsNewFields() {
        Video edited = VideoEdit.apply(video(), json("{'description':'Post-op, week 2','tags':['knee']}"), NOW).video();
        JsonObject doc = VideoJson.write(edited);
        assertEquals("Post-op, week 2", doc.getString("description"));
        assertEquals(edited.tags(), VideoJson.read(doc).tags());
        assertFalse(edited.toString().contains("Post-op"));
    }
}
