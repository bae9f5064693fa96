package com.pulsevault.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /videos/{id}/history}: who uploaded, signed, watched and changed a video, from every chain. */
class VideoHistoryIT extends VaultIT {

    @TempDir
    static Path clips;

    static HttpResponse<String> history(String user, String video) {
        return Http.as(user, "GET", "videos/" + video + "/history", null);
    }

    static List<String> actions(JsonObject history) {
        return history.getJsonArray("events").stream().map(JsonValue::asJsonObject).map(e -> e.getString("action")).toList();
    }

    @Test
    void theHistoryOfAVideoUploadedTranscodedSignedWatchedAndUpdatedIsCompleteAndInOrder() throws Exception {
        String url = AsUser.upload("alice", Files.readAllBytes(Clips.generate(clips, "history.mp4", "320x240", 2, false)));
        String video = Http.json(AsUser.finalizeUpload("alice", url, "")).getString("videoId");
        FinalizeIT.await(() -> "transcoded".equals(Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("status")),
                "the clip to be transcoded");
        String manifest = Http.json(AsUser.sign("carol", video, "stream/master.m3u8")).getString("url");
        assertEquals(200, Http.anonymous("GET", manifest, null).statusCode());
        assertEquals(200, VideoEditIT.patch("alice", video, VideoEditIT.etag("alice", video), "{\"title\":\"HistoryIT secret\"}").statusCode());

        HttpResponse<String> r = history("alice", video);
        assertEquals(200, r.statusCode(), r::body);
        JsonObject h = Http.json(r);
        List<String> actions = actions(h);
        for (String action : List.of("upload.create", "upload.finalize", "transcode.start", "transcode.success", "media.sign",
                "media.get", "video.update")) {
            assertTrue(actions.contains(action), action + " missing from " + actions);
        }
        assertTrue(actions.indexOf("upload.create") < actions.indexOf("upload.finalize")
                && actions.indexOf("upload.finalize") < actions.indexOf("transcode.success")
                && actions.indexOf("transcode.success") < actions.indexOf("media.get")
                && actions.indexOf("media.get") < actions.indexOf("video.update"), actions.toString());
        List<String> times = h.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("time")).toList();
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
        assertTrue(h.getBoolean("ok"), h.getJsonArray("chains").toString());
        assertEquals(List.of("upload", "access", "transcode"), h.getJsonArray("chains").stream()
                .map(c -> c.asJsonObject().getString("category")).filter(c -> !c.equals("admin")).toList());
        JsonObject sign = h.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("media.sign")).findFirst().orElseThrow();
        assertEquals(AsUser.pseudonym(Tokens.subjectOf("carol")), sign.getString("actor"), "who signed it, as the audit names them");
        assertFalse(r.body().contains("HistoryIT secret"), "the history names changed fields, never their values");
    }

    @Test
    void theOwnerAnAuditorAndAnAdminReadItATeamMemberMayNotAndAnotherTeamDoesNotSeeIt() {
        String video = AsUser.video("alice", ""); // alice: cardiology
        assertEquals(200, history("erin", video).statusCode(), "an auditor needs no media role");
        assertEquals(200, history("frank", video).statusCode());
        RolesIT.assertForbidden(history("carol", video), "auditor or admin");
        assertProblem(history("dave", video), 404, "video-not-found");
        assertProblem(history("erin", "00000000-0000-4000-8000-000000000000"), 404, "video-not-found");
    }

    @Test
    void aDeletedVideoStillHasItsHistory() {
        String video = AsUser.video("alice", "");
        assertEquals(204, VideoDeleteIT.delete("alice", video).statusCode());
        List<String> actions = actions(Http.json(history("erin", video)));
        assertTrue(actions.contains("upload.finalize") && actions.contains("video.delete"), actions.toString());
    }
}
