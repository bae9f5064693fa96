package com.pulsevault.it;

import io.tus.java.client.TusExecutor;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads belong to the subject that created them, videos to their owner and teams: whoever else asks
 * is told they do not exist (404), and the attempt is audited. Signed URLs name who signed them.
 */
class OwnershipIT extends VaultIT {

    @Test
    void anotherUsersUploadDoesNotExistForHeadPatchDeleteOrFinalize() throws Exception {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(100));
        String id = TusClient.idOf(url);
        assertProblem(Http.as("bob", "HEAD", url, null, "Tus-Resumable", TusClient.TUS), 404, "upload-not-found");
        assertProblem(AsUser.patch("bob", url, 100, new byte[1]), 404, "upload-not-found");
        assertProblem(Http.as("bob", "DELETE", url, null, "Tus-Resumable", TusClient.TUS), 404, "upload-not-found");
        assertProblem(AsUser.finalizeUpload("bob", url, ""), 404, "upload-not-found");
        assertProblem(AsUser.finalizeUpload(Tokens.CLINICAL_APP, url, ""), 404, "upload-not-found");
        assertEquals(100, Long.parseLong(Http.header(Http.as("alice", "HEAD", url, null, "Tus-Resumable", TusClient.TUS),
                "Upload-Offset")), "untouched");
        String bob = AsUser.pseudonym(Tokens.subjectOf("bob"));
        List<String> denials = AsUser.auditLines("upload").stream()
                .filter(l -> l.contains("\"uploadId\":\"" + id + "\"") && l.contains("\"actor\":\"" + bob + "\"")
                        && l.contains("\"outcome\":\"failure\",\"detail\":\"not-owner\"")).toList();
        assertEquals(4, denials.size(), "head, patch, delete and finalize by bob are audited as denied: " + denials);
    }

    @Test
    void anUploadContinuesWithAFreshTokenOfTheSameSubject() {
        byte[] content = UploadDurabilityIT.random(300);
        HttpResponse<String> created = Http.anonymous("POST", "uploads", null, "Authorization", "Bearer " + Tokens.fresh("alice"),
                "Tus-Resumable", TusClient.TUS, "Upload-Length", "300");
        String url = Http.header(created, "Location");
        assertEquals(204, Http.anonymous("PATCH", url, Arrays.copyOfRange(content, 0, 100), "Authorization", "Bearer " + Tokens.fresh("alice"),
                "Tus-Resumable", TusClient.TUS, "Upload-Offset", "0", "Content-Type", TusClient.OCTETS).statusCode());
        // the first token "expired": the client refreshes it and goes on where it stopped
        String refreshed = Tokens.fresh("alice");
        assertEquals(204, Http.anonymous("PATCH", url, Arrays.copyOfRange(content, 100, 300), "Authorization", "Bearer " + refreshed,
                "Tus-Resumable", TusClient.TUS, "Upload-Offset", "100", "Content-Type", TusClient.OCTETS).statusCode());
        HttpResponse<String> done = Http.anonymous("POST", "uploads/finalize",
                ("{\"uploadId\":\"" + TusClient.idOf(url) + "\"}").getBytes(), "Authorization", "Bearer " + refreshed,
                "Content-Type", "application/json");
        assertEquals(200, done.statusCode(), done::body);
    }

    @Test
    void theStockTusJavaClientUploadsWithTheBearerHeader() throws Exception {
        byte[] content = UploadDurabilityIT.random(3 * UploadDurabilityIT.MIB);
        io.tus.java.client.TusClient client = new io.tus.java.client.TusClient();
        client.setUploadCreationURL(new URL(Http.API + "uploads"));
        client.enableResuming(new TusURLMemoryStore());
        client.setHeaders(Map.of("Authorization", Tokens.bearer("bob")));
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(content));
        upload.setSize(content.length);
        upload.setFingerprint("ownership-" + System.nanoTime());
        URL[] location = new URL[1];
        new TusExecutor() {
            @Override
            protected void makeAttempt() throws io.tus.java.client.ProtocolException, java.io.IOException {
                TusUploader uploader = client.resumeOrCreateUpload(upload);
                uploader.setChunkSize(UploadDurabilityIT.MIB);
                while (uploader.uploadChunk() > -1) {
                    // keep going
                }
                uploader.finish();
                location[0] = uploader.getUploadURL();
            }
        }.makeAttempts();
        HttpResponse<String> r = AsUser.finalizeUpload("bob", location[0].toString(), "");
        assertEquals(200, r.statusCode(), r::body);
        Path stored = MEDIA_ROOT.resolve("videos").resolve(Http.json(r).getString("videoId")).resolve("original.mp4");
        assertArrayEquals(content, Files.readAllBytes(stored));
    }

    @Test
    void aVideoIsVisibleToItsTeamAndNotFoundForAnotherTeam() throws Exception {
        String video = AsUser.video("alice", ""); // alice: cardiology
        assertEquals(200, AsUser.sign("carol", video, "metadata").statusCode(), "carol: cardiology");
        assertProblem(AsUser.sign("dave", video, "metadata"), 404, "video-not-found");
        assertProblem(AsUser.sign("bob", video, "metadata"), 404, "video-not-found");
        String dave = AsUser.pseudonym(Tokens.subjectOf("dave"));
        assertTrue(AsUser.auditLines("access").stream().anyMatch(l -> l.contains("\"action\":\"media.sign\",\"videoId\":\"" + video + "\"")
                && l.contains("\"actor\":\"" + dave + "\"") && l.contains("\"detail\":\"not-visible\"")), "dave's attempt is audited");
    }

    @Test
    void aVideoSharedWithNoTeamIsTheOwnersAlone() {
        String video = AsUser.video("alice", ",\"teams\":[]");
        assertEquals(200, AsUser.sign("alice", video, "metadata").statusCode());
        assertProblem(AsUser.sign("carol", video, "metadata"), 404, "video-not-found");
        assertEquals(200, AsUser.sign(Tokens.CLINICAL_APP, video, "metadata").statusCode(), "a clinical app sees every video");
    }

    @Test
    void anUploaderSharesOnlyWithItsOwnTeams() {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(100));
        RolesIT.assertForbidden(AsUser.finalizeUpload("alice", url, ",\"teams\":[\"neurology\"]"), "clinical-app");
        assertProblem(AsUser.finalizeUpload("alice", url, ",\"teams\":\"cardiology\""), 400, "invalid-json");
        assertEquals(200, AsUser.finalizeUpload("alice", url, ",\"teams\":[\"cardiology\"]").statusCode());
    }

    @Test
    void aClinicalAppFinalizesOnBehalfOfAClinicianWhoThenOwnsTheVideo() throws Exception {
        String alice = Tokens.subjectOf("alice");
        String url = AsUser.upload(Tokens.CLINICAL_APP, UploadDurabilityIT.random(100));
        HttpResponse<String> r = AsUser.finalizeUpload(Tokens.CLINICAL_APP, url, ",\"onBehalfOf\":\"" + alice + "\",\"teams\":[\"neurology\"]");
        assertEquals(200, r.statusCode(), r::body);
        String video = Http.json(r).getString("videoId");
        assertEquals(200, AsUser.sign("alice", video, "metadata").statusCode(), "alice owns it");
        assertEquals(200, AsUser.sign("dave", video, "metadata").statusCode(), "the app shared it with neurology");
        assertProblem(AsUser.sign("carol", video, "metadata"), 404, "video-not-found");
        String meta = Files.readString(MEDIA_ROOT.resolve("videos").resolve(video).resolve("meta.json"));
        assertTrue(meta.contains("\"owner\":\"" + alice + "\""), meta);
        String finalize = AsUser.auditLines("upload").stream().filter(l -> l.contains("\"action\":\"upload.finalize\",\"videoId\":\"" + video))
                .findFirst().orElseThrow();
        assertTrue(finalize.contains("\"actor\":\"" + AsUser.pseudonym(Tokens.subjectOf(Tokens.CLINICAL_APP)) + "\""), finalize);
        assertTrue(finalize.contains("\"onBehalfOf\":\"" + AsUser.pseudonym(alice) + "\""), finalize);
        assertTrue(finalize.contains("\"app\":\"clinical-app\""), finalize);
    }

    @Test
    void onBehalfOfAClinicianWithoutTeamsTheVideoIsNotSharedWithTheAppsOwnTeams() {
        // the clinical app's service account is in neurology (test realm); the clinician's teams are unknown to it
        String video = AsUser.video(Tokens.CLINICAL_APP, ",\"onBehalfOf\":\"" + Tokens.subjectOf("alice") + "\"");
        assertEquals(200, AsUser.sign("alice", video, "metadata").statusCode(), "alice owns it");
        assertProblem(AsUser.sign("dave", video, "metadata"), 404, "video-not-found");
    }

    @Test
    void theAccessAuditOfASignedUrlNamesWhoSignedIt() throws Exception {
        String video = AsUser.video("alice", "");
        HttpResponse<String> signed = AsUser.sign("carol", video, "metadata");
        String url = Http.json(signed).getString("url");
        assertEquals(200, Http.anonymous("GET", url, null).statusCode(), "the signed URL is the capability: no token");
        String carol = AsUser.pseudonym(Tokens.subjectOf("carol"));
        assertTrue(AsUser.auditLines("access").stream().anyMatch(l -> l.contains("\"action\":\"media.get\",\"videoId\":\"" + video + "\"")
                && l.contains("\"actor\":\"" + carol + "\"") && l.contains("\"outcome\":\"success\"")), "the read is carol's");
    }

    @Test
    void noSubjectTokenOrUserNameReachesTheAuditTrailOrTheServerLog() throws Exception {
        String token = Tokens.of("alice");
        String video = AsUser.video("alice", "");
        AsUser.sign("alice", video, "metadata");
        Http.anonymous("GET", "admin/transcodes", null, "Authorization", "Bearer " + token.substring(0, token.length() - 3) + "xyz");
        List<String> secrets = List.of(Tokens.subjectOf("alice"), token, token.split("\\.")[2], "\"alice\"", "preferred_username");
        try (Stream<Path> files = Files.list(MEDIA_ROOT.resolve("audit"))) {
            for (Path log : files.toList()) {
                String text = Files.readString(log);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), log + " contains " + secret);
                }
            }
        }
        String serverLog = Files.readString(ConfigurationIT.SERVER_LOG);
        for (String secret : secrets.subList(0, 3)) {
            assertFalse(serverLog.contains(secret), "the server log contains a subject or a token");
        }
    }

    @Test
    void aUserIdInTheFinalizeBodyIsIgnored() throws Exception {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(100));
        HttpResponse<String> r = AsUser.finalizeUpload("alice", url, ",\"userId\":\"dr.mallory@example\"");
        assertEquals(200, r.statusCode(), r::body);
        String meta = Files.readString(MEDIA_ROOT.resolve("videos").resolve(Http.json(r).getString("videoId")).resolve("meta.json"));
        assertFalse(meta.contains("mallory"), meta);
        JsonObject document = Http.json(Http.anonymous("GET", Http.json(AsUser.sign("alice", Http.json(r).getString("videoId"), "metadata"))
                .getString("url"), null));
        assertFalse(document.toString().contains("owner") || document.toString().contains("teams"), "viewers are not told who owns it");
    }
}
