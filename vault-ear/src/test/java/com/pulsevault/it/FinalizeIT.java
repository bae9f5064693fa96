package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.UploadDurabilityIT.random;
import static com.pulsevault.it.UploadDurabilityIT.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finalize: the upload becomes a video with meta.json, an audit line and exactly one transcode job. */
class FinalizeIT extends VaultIT {

    @Test
    void finalizeAnswersTheContractAndStoresTheOriginalUnderTheVideoId() throws Exception {
        byte[] content = random(200_000);
        String url = TusClient.upload(content, 64 * 1024);
        HttpResponse<String> r = finalizeUpload(url, "Jane Doe knee.MP4", "dr.house@hospital.example");
        assertEquals(200, r.statusCode(), r::body);
        JsonObject result = Http.json(r);
        String videoId = result.getString("videoId");
        assertTrue(videoId.matches("[0-9a-f-]{36}"));
        assertEquals("uploaded", result.getString("status"));
        assertEquals(content.length, result.getJsonNumber("size").longValue());
        assertEquals(sha256(content), result.getString("checksum"));
        assertEquals("queued", result.getString("transcoding"));

        Path dir = MEDIA_ROOT.resolve("videos").resolve(videoId);
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("original.mp4")));
        assertFalse(Files.exists(MEDIA_ROOT.resolve("uploads").resolve(TusClient.idOf(url))), "moved, not copied");
        String meta = Files.readString(dir.resolve("meta.json"));
        assertTrue(meta.startsWith("{\"checksum\":\"sha256:"), meta);
        assertTrue(meta.contains("\"filename\":\"Jane Doe knee.MP4\""), meta);
        // the owner is who finalized it (the token's subject), never a user id from the body
        assertTrue(meta.contains("\"owner\":\"" + Tokens.subjectOf(Tokens.OPERATOR) + "\"") && !meta.contains("dr.house"), meta);
    }

    @Test
    void noFilenameOrUserIdReachesAPathOrTheAuditTrail() throws Exception {
        String url = TusClient.upload(random(1000), 1000);
        String videoId = Http.json(finalizeUpload(url, "Jane Doe knee.mp4", "jane.doe@patients.example")).getString("videoId");
        try (Stream<Path> all = Files.walk(MEDIA_ROOT)) {
            assertTrue(all.noneMatch(p -> p.toString().contains("Jane") || p.toString().contains("knee")));
        }
        try (Stream<Path> logs = Files.list(MEDIA_ROOT.resolve("audit"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains("jane.doe") || text.contains("Jane Doe"), log.toString());
            }
        }
        String audit = Files.readString(todaysUploadLog());
        assertTrue(audit.contains("\"action\":\"upload.finalize\",\"videoId\":\"" + videoId + "\""), "finalize is audited");
    }

    @Test
    void finalizeHandsExactlyOneJobToTheTranscoder() throws Exception {
        String url = TusClient.upload(random(1000), 1000);
        String videoId = Http.json(finalizeUpload(url, "a.mp4", "u")).getString("videoId");
        // random bytes are no video: the worker's one attempt ends the job as unsupported media
        await(() -> transcodeStarts(videoId) == 1 && status(videoId).equals("failed"), "the job reached the worker");
        assertEquals(1, transcodeStarts(videoId));
    }

    @Test
    void aRepeatedFinalizeAnswersTheSameVideoAndQueuesNoSecondJob() throws Exception {
        String url = TusClient.upload(random(1000), 1000);
        JsonObject first = Http.json(finalizeUpload(url, "a.mp4", "u"));
        HttpResponse<String> again = finalizeUpload(url, "a.mp4", "u");
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(first, Http.json(again));
        String videoId = first.getString("videoId");
        await(() -> outboxEmpty() && status(videoId).equals("failed"), "the job reached the worker");
        assertEquals(1, transcodeStarts(videoId));
    }

    @Test
    void aRepeatedFinalizeWithAnotherFilenameOrMetadataGets409() {
        String url = TusClient.upload(random(1000), 1000);
        String videoId = Http.json(finalizeUpload(url, "a.mp4", "u")).getString("videoId");
        assertProblem(finalizeUpload(url, "b.mp4", "u"), 409, "metadata-conflict");
        String otherMetadata = "{\"uploadId\":\"" + TusClient.idOf(url) + "\",\"filename\":\"a.mp4\",\"metadata\":{\"title\":\"Knee, right\"}}";
        assertProblem(Http.send("POST", "uploads/finalize", otherMetadata.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"), 409, "metadata-conflict");
        assertEquals(videoId, Http.json(finalizeUpload(url, "a.mp4", "u")).getString("videoId"), "the same request stays idempotent");
    }

    @Test
    void withoutAFilenameTheTusFilenameMetadataNamesTheRecording() throws Exception {
        byte[] content = random(1000);
        HttpResponse<String> created = TusClient.create(content.length, "Upload-Metadata",
                "filename " + java.util.Base64.getEncoder().encodeToString("Left knee.MOV".getBytes(StandardCharsets.UTF_8)));
        String url = Http.header(created, "Location");
        assertEquals(204, TusClient.patch(url, 0, content).statusCode());
        HttpResponse<String> r = Http.send("POST", "uploads/finalize",
                ("{\"uploadId\":\"" + TusClient.idOf(url) + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        Path dir = MEDIA_ROOT.resolve("videos").resolve(Http.json(r).getString("videoId"));
        assertTrue(Files.exists(dir.resolve("original.mov")), "the extension comes from the tus filename");
        assertTrue(Files.readString(dir.resolve("meta.json")).contains("\"filename\":\"Left knee.MOV\""));
    }

    @Test
    void aCorruptedMetaJsonIsDetectedAndLeftAsItIs() throws Exception {
        String url = TusClient.upload(random(1000), 1000);
        String videoId = Http.json(finalizeUpload(url, "a.mp4", "u")).getString("videoId");
        await(() -> status(videoId).equals("failed"), "the worker is done with it"); // random bytes: unsupported media
        Path meta = MEDIA_ROOT.resolve("videos").resolve(videoId).resolve("meta.json");
        String corrupted = Files.readString(meta).replace("\"filename\":\"a.mp4\"", "\"filename\":\"b.mp4\"");
        Files.writeString(meta, corrupted);
        HttpResponse<String> r = finalizeUpload(url, "a.mp4", "u");
        assertProblem(r, 500, "metadata-corrupt");
        assertEquals(corrupted, Files.readString(meta), "a corrupted meta.json is never overwritten");
    }

    @Test
    void withRedisDownFinalizeStillSucceedsAndTheJobArrivesOnceWhenRedisIsBack() throws Exception {
        TestRedis.stop();
        try {
            await(() -> readinessStatus() == 503, "readiness reports Redis down");
            String url = TusClient.upload(random(1000), 1000);
            HttpResponse<String> r = finalizeUpload(url, "a.mp4", "u");
            assertEquals(200, r.statusCode(), r::body);
            String videoId = Http.json(r).getString("videoId");
            assertEquals("queued", Http.json(r).getString("transcoding"));
            assertFalse(outboxEmpty(), "the job waits on disk");
            TestRedis.start();
            // Redis came back empty: the waiting consumer must back off, recreate its group and resume by itself
            await(() -> outboxEmpty() && status(videoId).equals("failed"), "job relayed once Redis is back and worked on");
            assertEquals(1, transcodeStarts(videoId), "exactly once");
            await(() -> readinessStatus() == 200, "readiness back up");
        } finally {
            TestRedis.ensureRunning();
        }
    }

    static HttpResponse<String> finalizeUpload(String url, String filename, String userId) {
        String body = "{\"uploadId\":\"" + TusClient.idOf(url) + "\",\"filename\":\"" + filename + "\",\"userId\":\"" + userId
                + "\",\"metadata\":{\"title\":\"Knee, left\",\"department\":\"ortho\"}}";
        return Http.send("POST", "uploads/finalize", body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    }

    /** How many times a worker started on the video, from the transcode audit chain. */
    static long transcodeStarts(String videoId) {
        Path log = MEDIA_ROOT.resolve("audit").resolve("transcode-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log");
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains("\"action\":\"transcode.start\",\"videoId\":\"" + videoId + "\"")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String status(String videoId) {
        try {
            String meta = Files.readString(MEDIA_ROOT.resolve("videos").resolve(videoId).resolve("meta.json"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"status\":\"([a-z]+)\"").matcher(meta);
            return m.find() ? m.group(1) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    static boolean outboxEmpty() {
        try (Stream<Path> files = Files.list(MEDIA_ROOT.resolve("outbox"))) {
            return files.noneMatch(p -> p.getFileName().toString().endsWith(".json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int readinessStatus() {
        return Http.send("GET", Http.HEALTH + "ready", null).statusCode();
    }

    static Path todaysUploadLog() {
        return MEDIA_ROOT.resolve("audit").resolve("upload-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
