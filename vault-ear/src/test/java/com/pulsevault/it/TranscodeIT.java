package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.pulsevault.it.FinalizeIT.await;
import static com.pulsevault.it.FinalizeIT.status;
import static com.pulsevault.it.FinalizeIT.transcodeStarts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker on real clips, with the real ffmpeg: what the ladder looks like, and what is refused. */
class TranscodeIT extends VaultIT {

    static Path clips;

    @BeforeAll
    static void makeClips() throws Exception {
        clips = Files.createTempDirectory("pulsevault-clips");
    }

    @Test
    void aLandscape1080pClipGetsFiveRungsWithAlignedKeyframesBehindHlsAndDash() throws Exception {
        String videoId = transcoded(Clips.generate(clips, "landscape.mp4", "1920x1080", 6, true));
        JsonObject meta = meta(videoId);
        assertEquals(List.of(240, 360, 480, 720, 1080), heights(meta));
        assertEquals(1920, meta.getInt("width"));
        assertEquals(6.0, meta.getJsonNumber("duration").doubleValue(), 0.1);
        assertEquals("stream/master.m3u8", meta.getString("hls"));
        assertEquals("stream/manifest.mpd", meta.getString("dash"));

        Path dir = MEDIA_ROOT.resolve("videos").resolve(videoId);
        List<String> master = Files.readAllLines(dir.resolve("stream/master.m3u8"));
        List<String> variants = master.stream().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).toList();
        assertEquals(5, variants.size());
        variants.forEach(v -> assertTrue(v.contains("BANDWIDTH=") && v.contains("RESOLUTION=") && v.contains("CODECS=\"avc1."), v));
        String mpd = Files.readString(dir.resolve("stream/manifest.mpd"));
        assertEquals(5, countVideoRepresentations(mpd));

        String top = dir.resolve("stream").resolve(rendition(meta, 4).getString("playlist").substring("stream/".length())).toString();
        assertTrue(Clips.ffprobe("-show_entries", "stream=codec_name,height", "-of", "csv=p=0", top).contains("h264,1080"));
        // keyframes exactly on the 4 s segment boundaries
        String keyframes = Clips.ffprobe("-skip_frame", "nokey", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                "-of", "csv=p=0", top);
        List<Double> times = Arrays.stream(keyframes.trim().split("[\\s,]+")).map(Double::parseDouble).toList();
        assertEquals(List.of(0.0, 4.0), times.stream().map(t -> Math.round(t * 10) / 10.0).toList(), keyframes);
        String audio = Clips.ffprobe("-show_entries", "stream=codec_name", "-of", "csv=p=0", dir.resolve("stream/manifest.mpd").toString());
        assertTrue(audio.contains("aac"), audio);
        assertTrue(Clips.ffprobe("-show_entries", "stream=codec_name", "-of", "csv=p=0", dir.resolve("poster.jpg").toString()).contains("mjpeg"));
        assertTrue(meta.getJsonObject("timings").getInt("ladderMs") > 0);
    }

    @Test
    void aPortraitClipIsChosenOnItsShortSideAndStaysPortrait() throws Exception {
        JsonObject meta = meta(transcoded(Clips.generate(clips, "portrait.mp4", "1080x1920", 2, true)));
        assertEquals(List.of(240, 360, 480, 720, 1080), widths(meta));
        meta.getJsonArray("renditions").forEach(r -> assertTrue(r.asJsonObject().getInt("height") > r.asJsonObject().getInt("width")));
    }

    @Test
    void aRotatedPhoneClipComesOutUpright() throws Exception {
        Path rotated = Clips.rotated(clips, "640x360");
        assertTrue(Clips.ffprobe("-show_entries", "stream_side_data=rotation", "-of", "csv=p=0", rotated.toString()).contains("90"));
        JsonObject meta = meta(transcoded(rotated));
        assertEquals(360, meta.getInt("width"));
        assertEquals(640, meta.getInt("height"));
        assertEquals(List.of(240, 360), widths(meta));
        meta.getJsonArray("renditions").forEach(r -> assertTrue(r.asJsonObject().getInt("height") > r.asJsonObject().getInt("width")));
    }

    @Test
    void aClipWithoutAudioTranscodes() throws Exception {
        JsonObject meta = meta(transcoded(Clips.generate(clips, "silent.mp4", "854x480", 2, false)));
        assertEquals(List.of(240, 360, 480), heights(meta));
        meta.getJsonArray("renditions").forEach(r -> assertFalse(r.asJsonObject().getString("codecs").contains("mp4a")));
    }

    @Test
    void aSourceBelowEveryRungGetsOneRungAtItsOwnSize() throws Exception {
        JsonObject meta = meta(transcoded(Clips.generate(clips, "tiny.mp4", "356x200", 2, true)));
        assertEquals(List.of(200), heights(meta));
    }

    @Test
    void aPlaylistDisguisedAsMp4FailsAsUnsupportedMediaWithoutRetryOrLeak() throws Exception {
        Path evil = clips.resolve("evil.mp4");
        Files.writeString(evil, "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\n/etc/passwd\n#EXT-X-ENDLIST\n");
        assertRefusedAsUnsupported(finalized(evil));
    }

    @Test
    void aTextFileFailsAsUnsupportedMedia() throws Exception {
        Path text = clips.resolve("notes.mp4");
        Files.writeString(text, "Patient notes, not a video.\n".repeat(50));
        assertRefusedAsUnsupported(finalized(text));
    }

    @Test
    void operatorsSeeAVideoThatFailedForGoodWithItsReasonAndViewersAShortOne() throws Exception {
        Path text = clips.resolve("visible-failure.mp4");
        Files.writeString(text, "Not a video either.\n".repeat(50));
        String videoId = finalized(text);
        await(() -> status(videoId).equals("failed"), "the worker gave up on it");
        await(() -> Http.send("GET", "admin/transcodes", null).body().contains(videoId), "listed among the failed");
        JsonObject overview = Http.json(Http.send("GET", "admin/transcodes", null));
        JsonObject failed = overview.getJsonArray("failed").stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("videoId").equals(videoId)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed as failed: " + overview));
        assertEquals("unsupported media", failed.getString("reason"));
        assertTrue(Instant.parse(failed.getString("failedAt")).isBefore(Instant.now().plusSeconds(1)));

        JsonObject viewer = Http.json(MediaIT.get(MediaIT.sign(videoId, "metadata", 60).getString("url")));
        assertEquals("failed", viewer.getString("status"));
        assertEquals("unsupported-media", viewer.getJsonObject("failure").getString("code"));
        assertTrue(viewer.getJsonObject("failure").getString("message").contains("not a video"), viewer.toString());

        assertEquals(202, Http.send("POST", "admin/transcodes/videos/" + videoId, null).statusCode());
        JsonObject after = Http.json(Http.send("GET", "admin/transcodes", null));
        assertTrue(after.getJsonArray("failed").stream().map(JsonValue::asJsonObject)
                .noneMatch(f -> f.getString("videoId").equals(videoId)), "a video queued again is no longer listed as failed");
        await(() -> status(videoId).equals("failed"), "and fails again, for the same reason");
    }

    @Test
    void aJobThatAlwaysFailsIsDeadLetteredAfterThreeAttemptsWithTheReason() throws Exception {
        String videoId = finalized(Clips.truncated(clips));
        awaitDone(videoId);
        JsonObject meta = meta(videoId);
        assertEquals("failed", meta.getString("status"));
        assertTrue(meta.getString("error").startsWith("ffmpeg failed"), meta.getString("error"));
        assertEquals(3, transcodeStarts(videoId));
        try (Jedis jedis = TestRedis.jedis()) {
            // meta.json says failed first, then the dead letter is written: a crash between the two repeats the last attempt
            await(() -> jedis.hget("pulsevault:transcode:dead", videoId) != null, "the dead letter");
            String dead = jedis.hget("pulsevault:transcode:dead", videoId);
            assertTrue(dead.contains("ffmpeg failed"), dead);
        }
    }

    @Test
    void adminsSeeADeadLetterAndCanRetryIt() throws Exception {
        String videoId = finalized(Clips.truncated(clips));
        awaitDone(videoId);
        await(() -> Http.send("GET", "admin/transcodes", null).body().contains(videoId), "listed as a dead letter");
        JsonObject overview = Http.json(Http.send("GET", "admin/transcodes", null));
        JsonObject dead = overview.getJsonArray("deadLetters").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("videoId").equals(videoId)).findFirst().orElseThrow();
        assertEquals(3, dead.getInt("attempts"));
        assertTrue(dead.getString("reason").startsWith("ffmpeg failed"));

        assertEquals(202, Http.send("POST", "admin/transcodes/dead/" + videoId + "/retry", null).statusCode());
        await(() -> transcodeStarts(videoId) == 6 && status(videoId).equals("failed"), "three fresh attempts");
        Http.assertProblem(Http.send("POST", "admin/transcodes/dead/6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f/retry", null), 404, "video-not-found");
    }

    @Test
    void adminsCanTranscodeAVideoAgain() throws Exception {
        String videoId = transcoded(Clips.generate(clips, "redo.mp4", "426x240", 2, false));
        assertEquals(202, Http.send("POST", "admin/transcodes/videos/" + videoId, null).statusCode());
        await(() -> transcodeStarts(videoId) == 2 && status(videoId).equals("transcoded"), "transcoded a second time");
        Http.assertProblem(Http.send("POST", "admin/transcodes/videos/..%2F..%2Fetc", null), 404, "video-not-found");
    }

    @Test
    void aRedeliveredJobForAFinishedVideoIsAcknowledgedWithoutWork() throws Exception {
        String videoId = transcoded(Clips.generate(clips, "again.mp4", "426x240", 2, false));
        String job = Json.createObjectBuilder().add("jobId", "redelivered").add("videoId", videoId)
                .add("enqueuedAt", Instant.now().toString()).add("attempt", 0).build().toString();
        try (Jedis jedis = TestRedis.jedis()) {
            jedis.xadd("pulsevault:transcode:jobs", StreamEntryID.NEW_ENTRY, Map.of("job", job));
            await(() -> jedis.xlen("pulsevault:transcode:jobs") == 0, "the redelivered job was acknowledged");
        }
        assertEquals(1, transcodeStarts(videoId));
        assertEquals("transcoded", status(videoId));
    }

    @Test
    void anUndeployMidTranscodeStopsEveryConsumerAndPutsTheJobBackForTheRedeployment() throws Exception {
        String videoId = finalized(Clips.generate(clips, "long.mp4", "1920x1080", 20, true));
        Path dir = MEDIA_ROOT.resolve("videos").resolve(videoId);
        await(() -> status(videoId).equals("transcoding") && Files.exists(dir) && leftoverCount(dir) > 0, "ffmpeg at work");

        assertTrue(threadDump().contains("PulseVaultTranscoders"), "consumer threads run before the undeploy");
        assertTrue(threadDump().contains(CONSUMER_LOOP), "a consumer loop runs before the undeploy");
        AppServer.current().undeploy();
        await(() -> !threadDump().contains(CONSUMER_LOOP), "no consumer loop left after undeploy");
        if (!(AppServer.current() instanceof AppServer.Payara)) {
            // WildFly also ends the threads of the executor the EAR defines. Payara 6 keeps that
            // executor's idle pool threads after an undeploy (they run no vault code, see above):
            // a leak of the server's that the application cannot reach
            await(() -> !threadDump().contains("PulseVaultTranscoders"), "no consumer thread left after undeploy");
        }
        try (Jedis jedis = TestRedis.jedis()) {
            assertTrue(jedis.xrange("pulsevault:transcode:jobs", "-", "+").stream()
                    .anyMatch(e -> e.getFields().get("job").contains(videoId)), "the interrupted job is back in the queue");
        }

        AppServer.current().deploy();
        awaitDone(videoId);
        assertEquals("transcoded", status(videoId));
        assertEquals(2, transcodeStarts(videoId));
        assertEquals(0, leftoverCount(dir), "one ladder, no leftovers");
    }

    /** A stack frame of a transcode consumer, in a thread dump. */
    private static final String CONSUMER_LOOP = "com.pulsevault.transcode.TranscodeWorker.consume";

    private static long leftoverCount(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".transcode-")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String threadDump() {
        try {
            return AppServer.current().threadDump();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefusedAsUnsupported(String videoId) throws Exception {
        awaitDone(videoId);
        JsonObject meta = meta(videoId);
        assertEquals("failed", meta.getString("status"));
        assertEquals("unsupported media", meta.getString("error"));
        assertEquals(1, transcodeStarts(videoId), "no retry");
        Path dir = MEDIA_ROOT.resolve("videos").resolve(videoId);
        assertFalse(Files.exists(dir.resolve("stream")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("meta.json", "original.mp4"), files.map(p -> p.getFileName().toString()).sorted()
                    .filter(n -> !n.startsWith(".meta")).toList());
        }
    }

    static String transcoded(Path clip) throws Exception {
        String videoId = finalized(clip);
        awaitDone(videoId);
        assertEquals("transcoded", status(videoId), () -> meta(videoId).toString());
        return videoId;
    }

    static String finalized(Path clip) throws Exception {
        String url = TusClient.upload(Files.readAllBytes(clip), 4 * 1024 * 1024);
        var r = FinalizeIT.finalizeUpload(url, "clip.mp4", "dr.test");
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r).getString("videoId");
    }

    static void awaitDone(String videoId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (!List.of("transcoded", "failed").contains(status(videoId))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("video " + videoId + " was not transcoded in time: " + status(videoId));
            }
            Thread.sleep(200);
        }
    }

    static JsonObject meta(String videoId) {
        try {
            String text = Files.readString(MEDIA_ROOT.resolve("videos").resolve(videoId).resolve("meta.json"));
            return Json.createReader(new StringReader(text)).readObject().getJsonObject("document");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonObject rendition(JsonObject meta, int i) {
        return meta.getJsonArray("renditions").getJsonObject(i);
    }

    static List<Integer> heights(JsonObject meta) {
        return meta.getJsonArray("renditions").stream().map(JsonValue::asJsonObject).map(r -> r.getInt("height")).toList();
    }

    static List<Integer> widths(JsonObject meta) {
        return meta.getJsonArray("renditions").stream().map(JsonValue::asJsonObject).map(r -> r.getInt("width")).toList();
    }

    static int countVideoRepresentations(String mpd) {
        return (int) Arrays.stream(mpd.split("<Representation ")).skip(1).filter(r -> r.contains("mimeType=\"video/mp4\"")).count();
    }
}
