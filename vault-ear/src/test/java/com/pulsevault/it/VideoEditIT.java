package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATCH /videos/{id}}: merge patches that never lose an edit, by the owner or a clinical app only. */
class VideoEditIT extends VaultIT {

    static HttpResponse<String> patch(String user, String video, String ifMatch, String json) {
        String[] headers = ifMatch == null ? new String[]{"Content-Type", "application/merge-patch+json"}
                : new String[]{"Content-Type", "application/merge-patch+json", "If-Match", ifMatch};
        return Http.as(user, "PATCH", "videos/" + video, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    static String etag(String user, String video) {
        return Http.header(Http.as(user, "GET", "videos/" + video, null), "ETag");
    }

    @Test
    void theOwnerChangesTheTitleAndTheListShowsIt() throws Exception {
        Instant start = Instant.now();
        String video = AsUser.video("alice", ",\"metadata\":{\"title\":\"Old\",\"ward\":\"3B\"}");
        HttpResponse<String> r = patch("alice", video, etag("alice", video),
                "{\"title\":\"EditIT: knee\",\"tags\":[\"knee\"],\"metadata\":{\"ward\":null}}");
        assertEquals(200, r.statusCode(), r::body);
        JsonObject record = Http.json(r);
        assertEquals("EditIT: knee", record.getString("title"));
        assertFalse(record.getJsonObject("metadata").containsKey("ward"));
        assertEquals("\"" + record.getInt("version") + "\"", Http.header(r, "ETag"));
        JsonObject item = Http.json(CatalogIT.list("alice", "owner=me&uploadedFrom=" + start)).getJsonArray("items").getJsonObject(0);
        assertEquals("EditIT: knee", item.getString("title"));
    }

    @Test
    void withoutIfMatchIs428AndAStaleVersionIs412() {
        String video = AsUser.video("alice", "");
        String first = etag("alice", video);
        assertProblem(patch("alice", video, null, "{\"title\":\"A\"}"), 428, "precondition-required");
        long edited = Http.json(patch("alice", video, first, "{\"title\":\"A\"}")).getJsonNumber("version").longValue();
        HttpResponse<String> stale = patch("alice", video, first, "{\"title\":\"B\"}");
        assertProblem(stale, 412, "precondition-failed");
        String current = Http.header(stale, "ETag");
        assertTrue(current.matches("\"[0-9]+\"") && Long.parseLong(current.replace("\"", "")) >= edited,
                "the 412 names the current version: " + current);
        assertEquals("A", Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("title"), "no edit lost");
    }

    @Test
    void aTeamMemberSeesButDoesNotChangeAndAnotherTeamDoesNotSee() {
        String video = AsUser.video("alice", "");
        String tag = etag("alice", video);
        RolesIT.assertForbidden(patch("carol", video, tag, "{\"title\":\"x\"}"), "clinical-app");
        assertProblem(patch("dave", video, tag, "{\"title\":\"x\"}"), 404, "video-not-found");
        assertEquals(200, patch(Tokens.CLINICAL_APP, video, tag, "{\"title\":\"by the EHR\"}").statusCode());
    }

    @Test
    void anOwnerSharesOnlyWithItsOwnTeams() {
        String video = AsUser.video("alice", "");
        RolesIT.assertForbidden(patch("alice", video, etag("alice", video), "{\"teams\":[\"neurology\"]}"), "clinical-app");
        assertEquals(200, patch("alice", video, etag("alice", video), "{\"teams\":[]}").statusCode());
        assertProblem(Http.as("carol", "GET", "videos/" + video, null), 404, "video-not-found");
    }

    @Test
    void badPatchesAreProblems() {
        String video = AsUser.video("alice", "");
        String tag = etag("alice", video);
        assertProblem(patch("alice", video, tag, "{\"status\":\"transcoded\"}"), 400, "invalid-patch");
        assertProblem(patch("alice", video, tag, "{\"tags\":\"knee\"}"), 400, "invalid-patch");
        assertProblem(patch("alice", video, tag, "{\"title\":"), 400, "invalid-json");
        assertProblem(Http.as("alice", "PATCH", "videos/" + video, "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "If-Match", tag), 415, "unsupported-media-type");
        JsonObject after = Http.json(Http.as("alice", "GET", "videos/" + video, null));
        assertFalse(after.containsKey("editedVersion") || after.containsKey("tags"), "nothing was edited: " + after);
    }

    @Test
    void anEditBasedOnAVersionTheWorkerHasSinceMovedOnFromIsAccepted() throws Exception {
        String video = AsUser.video("alice", "");
        String readBeforeTranscoding = "\"1\""; // the version finalize wrote
        FinalizeIT.await(() -> "failed".equals(Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("status")),
                "the worker to give up on a file that is not a video");
        assertTrue(!readBeforeTranscoding.equals(etag("alice", video)), "the worker wrote a newer version");
        JsonObject failed = Http.json(Http.as("alice", "GET", "videos/" + video, null));
        assertEquals("unsupported-media", failed.getString("failure"), failed.toString());
        assertFalse(failed.containsKey("error") || failed.containsKey("lastError"), "ffmpeg's own words are for operators");
        HttpResponse<String> r = patch("alice", video, readBeforeTranscoding, "{\"title\":\"written while it transcoded\"}");
        assertEquals(200, r.statusCode(), r::body);
    }

    @Test
    void theAuditNamesTheChangedFieldsNeverTheirValues() throws Exception {
        String video = AsUser.video("alice", "");
        assertEquals(200, patch("alice", video, etag("alice", video), "{\"title\":\"EditIT secret title\",\"tags\":[\"t\"]}").statusCode());
        String line = AsUser.auditLines("access").stream().filter(l -> l.contains("\"action\":\"video.update\",\"videoId\":\"" + video))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(line.contains("\"detail\":\"title,tags\""), line);
        String all = String.join("\n", AsUser.auditLines("access"));
        assertFalse(all.contains("EditIT secret title"), "a title reached the audit trail");
        assertFalse(java.nio.file.Files.readString(ConfigurationIT.SERVER_LOG).contains("EditIT secret title"), "a title reached the server log");
    }

    @Test
    void finalizeSetsTitleDescriptionAndTagsUnderTheRulesOfAPatch() {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(1000));
        HttpResponse<String> tooLong = AsUser.finalizeUpload("alice", url, ",\"title\":\"" + "x".repeat(513) + "\"");
        assertProblem(tooLong, 400, "invalid-patch");
        String details = ",\"title\":\"Knee, week 3\",\"description\":\"Effusion\",\"tags\":[\"knee\"]";
        HttpResponse<String> r = AsUser.finalizeUpload("alice", url, details);
        assertEquals(200, r.statusCode(), "the refused finalize left the upload as it was: " + r.body());
        String video = Http.json(r).getString("videoId");
        JsonObject record = Http.json(Http.as("alice", "GET", "videos/" + video, null));
        assertEquals("Knee, week 3", record.getString("title"));
        assertEquals("Effusion", record.getString("description"));
        assertEquals("knee", record.getJsonArray("tags").getString(0));
        assertEquals(200, AsUser.finalizeUpload("alice", url, details).statusCode(), "the same finalize again");
        assertProblem(AsUser.finalizeUpload("alice", url, ",\"title\":\"Another\""), 409, "metadata-conflict");
    }
}
