package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.pulsevault.it.CatalogIT.ids;
import static com.pulsevault.it.CatalogIT.list;
import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code DELETE /videos/{id}}: the media goes, a tombstone stays; a legal hold keeps everything. */
class VideoDeleteIT extends VaultIT {

    @TempDir
    static Path clips;

    static HttpResponse<String> delete(String user, String video) {
        return Http.as(user, "DELETE", "videos/" + video, null);
    }

    static HttpResponse<String> hold(String user, String method, String video) {
        return Http.as(user, method, "videos/" + video + "/legal-hold", null);
    }

    static List<String> filesOf(String video) throws Exception {
        try (Stream<Path> files = Files.list(MEDIA_ROOT.resolve("videos").resolve(video))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".meta")).sorted().toList();
        }
    }

    @Test
    void theOwnerDeletesTheMediaAndATombstoneWithoutClinicalTextStays() throws Exception {
        Instant start = Instant.now();
        String url = AsUser.upload("alice", Files.readAllBytes(Clips.generate(clips, "delete.mp4", "320x240", 2, false)));
        HttpResponse<String> finalized = AsUser.finalizeUpload("alice", url, ",\"metadata\":{\"title\":\"DeleteIT knee\",\"mrn\":\"0042\"}");
        String video = Http.json(finalized).getString("videoId");
        FinalizeIT.await(() -> "transcoded".equals(Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("status")),
                "the clip to be transcoded");
        String owner = Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("owner");
        String manifest = Http.json(AsUser.sign("alice", video, "stream/master.m3u8")).getString("url");
        assertEquals(200, Http.anonymous("GET", manifest, null).statusCode());

        assertEquals(204, delete("alice", video).statusCode());
        assertEquals(List.of("meta.json"), filesOf(video), "original, stream and poster are gone");
        JsonObject tombstone = Http.json(Http.as("alice", "GET", "videos/" + video, null));
        assertEquals("deleted", tombstone.getString("status"));
        assertTrue(tombstone.containsKey("deletedAt") && owner.equals(tombstone.getString("owner")), tombstone.toString());
        assertFalse(tombstone.toString().contains("DeleteIT") || tombstone.toString().contains("0042")
                || tombstone.containsKey("original"), tombstone.toString());
        assertFalse(ids(list("alice", "uploadedFrom=" + start)).contains(video), "lists leave tombstones out");
        assertTrue(ids(list("alice", "status=deleted&uploadedFrom=" + start)).contains(video), "unless asked for");
        assertEquals(404, Http.anonymous("GET", manifest, null).statusCode(), "a URL signed before opens nothing after");
        assertProblem(AsUser.sign("alice", video, "stream/master.m3u8"), 410, "video-deleted");
        assertEquals(204, delete("alice", video).statusCode(), "deleting again changes nothing");
        assertTrue(AsUser.auditLines("access").stream().anyMatch(l -> l.contains("\"action\":\"video.delete\",\"videoId\":\"" + video)
                && l.contains("\"outcome\":\"success\"")));
    }

    @Test
    void onlyTheOwnerOrAnAdminDeletes() {
        String video = AsUser.video("alice", ""); // alice: cardiology
        assertProblem(delete("dave", video), 404, "video-not-found");
        RolesIT.assertForbidden(delete("carol", video), "admin");
        RolesIT.assertForbidden(delete(Tokens.CLINICAL_APP, video), "admin");
        assertProblem(delete("alice", "00000000-0000-4000-8000-000000000000"), 404, "video-not-found");
        assertEquals(204, delete("frank", video).statusCode(), "an admin needs no media role to delete");
    }

    @Test
    void aLegalHoldRefusesDeletionUntilAnAdminLiftsIt() throws Exception {
        String video = AsUser.video("alice", "");
        RolesIT.assertForbidden(hold("alice", "PUT", video), "admin");
        HttpResponse<String> held = hold("frank", "PUT", video);
        assertEquals(200, held.statusCode(), held::body);
        assertTrue(Http.json(held).getBoolean("legalHold"));
        assertProblem(delete("alice", video), 409, "legal-hold");
        assertProblem(delete("frank", video), 409, "legal-hold");
        assertTrue(filesOf(video).contains("original.mp4"), "nothing was removed");
        assertFalse(Http.json(hold("frank", "DELETE", video)).getBoolean("legalHold"));
        assertEquals(204, delete("alice", video).statusCode());
        List<String> admin = AsUser.auditLines("admin");
        assertTrue(admin.stream().anyMatch(l -> l.contains("video.legal-hold.set") && l.contains(video)));
        assertTrue(admin.stream().anyMatch(l -> l.contains("video.legal-hold.lift") && l.contains(video)));
        assertTrue(AsUser.auditLines("access").stream().anyMatch(l -> l.contains("\"action\":\"video.delete\",\"videoId\":\"" + video)
                && l.contains("legal-hold")), "the refusal is audited");
    }

    @Test
    void aDeletedVideoIsNotChangedAnyMore() {
        String video = AsUser.video("alice", "");
        String tag = VideoEditIT.etag("alice", video);
        assertEquals(204, delete("alice", video).statusCode());
        assertProblem(VideoEditIT.patch("alice", video, tag, "{\"title\":\"x\"}"), 410, "video-deleted");
        assertProblem(hold("frank", "PUT", video), 410, "video-deleted");
    }

    @Test
    void aFinalizeRepeatedAfterTheDeletionDoesNotBringItBack() {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(1000));
        String video = Http.json(AsUser.finalizeUpload("alice", url, "")).getString("videoId");
        assertEquals(204, delete("alice", video).statusCode());
        assertProblem(AsUser.finalizeUpload("alice", url, ""), 410, "video-deleted");
    }
}
