package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.pulsevault.it.Http.assertHeader;
import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.Http.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed media on a video the worker transcoded: what a player can fetch, and what nobody can. */
class MediaIT extends VaultIT {

    static String video;
    static String other;

    @BeforeAll
    static void transcodedVideos() throws Exception {
        Path clips = Files.createTempDirectory("pulsevault-media");
        video = TranscodeIT.transcoded(Clips.generate(clips, "media.mp4", "640x360", 6, true));
        other = TranscodeIT.transcoded(Clips.generate(clips, "other.mp4", "426x240", 2, false));
    }

    @Test
    void signingAnswersAUrlWithItsExpiryCappedByConfiguration() {
        JsonObject signed = sign(video, "stream/master.m3u8", 100_000);
        assertTrue(signed.getString("url").startsWith(Http.API + "media/t/"), signed.toString());
        assertTrue(signed.getString("url").endsWith("/videos/" + video + "/stream/master.m3u8"));
        assertEquals(300, signed.getInt("expiresIn"), signed.toString());
        assertTrue(Instant.parse(signed.getString("expiresAt")).isAfter(Instant.now()));
    }

    @Test
    void theAnswersExpiresInIsTheLifetimeAskedFor() {
        for (int asked : new int[]{1, 60, 299}) {
            assertEquals(asked, sign(video, "poster.jpg", asked).getInt("expiresIn"));
        }
    }

    @Test
    void anExpiresInThatIsNotAPositiveWholeNumberGets400() {
        for (String expiresIn : new String[]{"0", "-5", "\"60\"", "1.5", "true"}) {
            HttpResponse<String> r = Http.send("POST", "media/sign",
                    ("{\"videoId\":\"" + video + "\",\"path\":\"poster.jpg\",\"expiresIn\":" + expiresIn + "}").getBytes(),
                    "Content-Type", "application/json");
            assertProblem(r, 400, "invalid-json");
        }
    }

    @Test
    void theInvalidMediaPathProblemListsEverySignablePath() {
        String detail = assertProblem(signRaw(video, "meta.json"), 400, "invalid-media-path").getString("detail");
        for (String path : new String[]{"stream/master.m3u8", "stream/manifest.mpd", "poster.jpg", "original.", "metadata", "renditions"}) {
            assertTrue(detail.contains(path), detail);
        }
    }

    @Test
    void signingAnUnknownVideoGets404AndAPathNeverServedGets400() {
        assertProblem(signRaw("6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f", "stream/master.m3u8"), 404, "video-not-found");
        for (String path : new String[]{"meta.json", "../x/meta.json", "/etc/passwd", ".meta.lock"}) {
            assertProblem(signRaw(video, path), 400, "invalid-media-path");
        }
    }

    @Test
    void oneSignedMasterUrlOpensEveryPlaylistAndSegmentBeneathIt() {
        HttpResponse<String> master = get(sign(video, "stream/master.m3u8", 60).getString("url"));
        assertEquals(200, master.statusCode());
        assertHeader(master, "Content-Type", "application/vnd.apple.mpegurl");
        assertTrue(header(master, "Cache-Control").contains("no-store"));
        List<String> variants = master.body().lines().filter(l -> l.startsWith("http")).toList();
        assertEquals(2, variants.size(), master.body());
        for (String variant : variants) {
            HttpResponse<String> playlist = get(variant);
            assertEquals(200, playlist.statusCode(), variant);
            String base = variant.substring(0, variant.lastIndexOf('/') + 1);
            for (String segment : playlist.body().lines().filter(l -> l.startsWith("http") || l.endsWith(".m4s")).toList()) {
                String url = segment.startsWith("http") ? segment : base + segment;
                HttpResponse<String> s = get(url);
                assertEquals(200, s.statusCode(), url);
                assertTrue(header(s, "Content-Type").startsWith("video/"), header(s, "Content-Type"));
            }
        }
    }

    @Test
    void theDashManifestGetsASessionBaseUrl() {
        HttpResponse<String> mpd = get(sign(video, "stream/manifest.mpd", 60).getString("url"));
        assertEquals(200, mpd.statusCode());
        assertHeader(mpd, "Content-Type", "application/dash+xml");
        assertTrue(mpd.body().contains("<BaseURL>" + Http.API + "media/t/"), mpd.body());
    }

    @Test
    void byteRangesAndConditionalRequestsWork() {
        String url = segmentUrl();
        HttpResponse<String> whole = get(url);
        long size = Long.parseLong(header(whole, "Content-Length"));
        assertHeader(whole, "Accept-Ranges", "bytes");
        String etag = header(whole, "ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong ETag");
        assertTrue(header(whole, "Last-Modified") != null);
        assertTrue(header(whole, "Cache-Control").matches("private, max-age=\\d+"), header(whole, "Cache-Control"));

        HttpResponse<String> first = Http.send("GET", url, null, "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertHeader(first, "Content-Range", "bytes 0-99/" + size);
        assertHeader(first, "Content-Length", "100");
        HttpResponse<String> open = Http.send("GET", url, null, "Range", "bytes=" + (size - 10) + "-");
        assertHeader(open, "Content-Range", "bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
        HttpResponse<String> suffix = Http.send("GET", url, null, "Range", "bytes=-5");
        assertHeader(suffix, "Content-Range", "bytes " + (size - 5) + "-" + (size - 1) + "/" + size);
        HttpResponse<String> beyond = Http.send("GET", url, null, "Range", "bytes=" + size + "-");
        assertProblem(beyond, 416, "range-not-satisfiable");
        assertHeader(beyond, "Content-Range", "bytes */" + size);
        assertEquals(304, Http.send("GET", url, null, "If-None-Match", etag).statusCode());
        assertEquals(206, Http.send("GET", url, null, "Range", "bytes=0-9", "If-Range", etag).statusCode());
        assertEquals(200, Http.send("GET", url, null, "Range", "bytes=0-9", "If-Range", "\"stale\"").statusCode());
        HttpResponse<String> head = Http.send("HEAD", url, null);
        assertEquals(200, head.statusCode());
        assertHeader(head, "Content-Length", String.valueOf(size));
    }

    @Test
    void anExpiredSignedUrlOpensNothing() throws Exception {
        String url = sign(video, "stream/master.m3u8", 1).getString("url");
        Instant deadline = Instant.now().plusSeconds(10);
        HttpResponse<String> r;
        do {
            r = get(url);
            Thread.sleep(200); // the token is valid for one second; nothing to poll on the server side
        } while (r.statusCode() == 200 && Instant.now().isBefore(deadline));
        assertProblem(r, 403, "media-forbidden");
    }

    @Test
    void aTokenForOneVideoNeverOpensAnother() {
        String url = sign(video, "stream/master.m3u8", 60).getString("url");
        assertProblem(get(url.replace(video, other)), 403, "media-forbidden");
    }

    @Test
    void aTokenCannotBeWidenedToFilesThatWereNotSigned() {
        String url = sign(video, "stream/master.m3u8", 60).getString("url");
        assertProblem(get(url.replace("stream/master.m3u8", "original.mp4")), 403, "media-forbidden");
        String poster = sign(video, "poster.jpg", 60).getString("url");
        assertEquals(200, get(poster).statusCode());
        assertProblem(get(poster.replace("poster.jpg", "stream/master.m3u8")), 403, "media-forbidden");
    }

    @Test
    void forgedAndTruncatedTokensAreRefused() {
        String url = sign(video, "stream/master.m3u8", 60).getString("url");
        String token = url.split("/media/t/")[1].split("/")[0];
        String altered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertProblem(get(url.replace(token, altered)), 403, "media-forbidden");
        assertProblem(get(url.replace(token, token.substring(0, token.length() - 4))), 403, "media-forbidden");
    }

    @Test
    void traversalNeverReturnsAByteFromOutsideTheVideo() throws Exception {
        String base = sign(video, "stream/master.m3u8", 60).getString("url").replace("stream/master.m3u8", "");
        for (String path : new String[]{"stream/..%2Fmeta.json", "stream/%2e%2e/meta.json", "stream/%252e%252e%252fmeta.json",
                "stream%5C..%5Cmeta.json", "%2Fetc%2Fpasswd", "stream/x%00.m4s", "meta.json"}) {
            HttpResponse<String> r = get(base + path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 403 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("\"checksum\"") || r.body().contains("root:"), path);
        }
        Path link = MEDIA_ROOT.resolve("videos").resolve(video).resolve("stream").resolve("chunk-9-99999.m4s");
        Files.createSymbolicLink(link, Path.of("/etc/passwd"));
        try {
            HttpResponse<String> r = get(base + "stream/chunk-9-99999.m4s");
            assertProblem(r, 404, "media-not-found");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void reloadingAManifestWithinAPlaybackSessionNeverExtendsTheSession() throws Exception {
        HttpResponse<String> master = get(sign(video, "stream/master.m3u8", 60).getString("url"));
        String variant = master.body().lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        String session = tokenOf(variant);
        long issued = Long.parseLong(payloadOf(session)[3]);
        // a second later, so that a renewed session would end later than this one
        FinalizeIT.await(() -> Instant.now().getEpochSecond() > issued + 1, "the next second");
        HttpResponse<String> playlist = get(variant);
        assertEquals(200, playlist.statusCode(), playlist.body());
        String segment = playlist.body().lines().filter(l -> l.startsWith("http") && l.contains(".m4s")).findFirst().orElseThrow();
        assertEquals(payloadOf(session)[4], payloadOf(tokenOf(segment))[4], "the session's end is kept");
    }

    static String tokenOf(String url) {
        return url.split("/media/t/")[1].split("/")[0];
    }

    static String[] payloadOf(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8).split("\\|");
    }

    @Test
    void grantsAndDenialsAreAuditedWithoutTheToken() throws Exception {
        String url = sign(video, "poster.jpg", 60).getString("url");
        String token = url.split("/media/t/")[1].split("/")[0];
        get(url);
        get(url.replace(video, other));
        String access = Files.readString(MEDIA_ROOT.resolve("audit").resolve("access-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log"));
        assertTrue(access.contains("\"action\":\"media.get\",\"videoId\":\"" + video + "\""), "grant audited");
        assertTrue(access.contains("\"outcome\":\"failure\",\"detail\":\"other-video\""), "denial audited");
        assertFalse(access.contains(token), "no token in the audit trail");
        assertFalse(Files.readString(ConfigurationIT.SERVER_LOG).contains(token), "no token in the server log");
    }

    @Test
    void viewersGetMetadataAndRenditionsButNeverTheFilenameOrUserId() {
        HttpResponse<String> metadata = get(sign(video, "metadata", 60).getString("url"));
        assertEquals(200, metadata.statusCode(), metadata.body());
        JsonObject m = Http.json(metadata);
        assertEquals(video, m.getString("videoId"));
        assertEquals("transcoded", m.getString("status"));
        assertEquals(6.0, m.getJsonNumber("duration").doubleValue(), 0.1);
        assertFalse(metadata.body().contains("clip.mp4") || metadata.body().contains("dr.test") || metadata.body().contains("userId"),
                metadata.body());
        HttpResponse<String> renditions = get(sign(video, "renditions", 60).getString("url"));
        assertEquals(2, Http.json(renditions).getJsonArray("renditions").size());
        String master = sign(video, "stream/master.m3u8", 60).getString("url");
        assertProblem(get(master.replace("stream/master.m3u8", "metadata")), 403, "media-forbidden");
    }

    @Test
    void aRealBrowserPlaysTheSignedMasterWithHlsJsAndSeeksToTheMiddle() throws Exception {
        JsonObject played = play(sign(video, "stream/master.m3u8", 60).getString("url"));
        assertTrue(played.isNull("error"), played.toString());
        assertEquals(2, played.getInt("levels"), "every rung listed");
        double duration = played.getJsonNumber("duration").doubleValue();
        assertTrue(played.getJsonNumber("currentTime").doubleValue() > duration / 2 + 1, "playing on after the seek: " + played);
    }

    @Test
    void aRealBrowserCannotPlayAnExpiredOrAForgedUrl() throws Exception {
        String url = sign(video, "stream/master.m3u8", 1).getString("url");
        Instant deadline = Instant.now().plusSeconds(10);
        while (get(url).statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // wait out the one-second token
        }
        JsonObject expired = play(url);
        assertTrue(expired.getString("error").contains("403"), expired.toString());

        String fresh = sign(video, "stream/master.m3u8", 60).getString("url");
        String token = fresh.split("/media/t/")[1].split("/")[0];
        JsonObject forged = play(fresh.replace(token, token.substring(0, token.length() - 2) + "AA"));
        assertTrue(forged.getString("error").contains("403"), forged.toString());
    }

    /** Headless Debian Chromium with hls.js, driven by src/test/browser/play.mjs. */
    static JsonObject play(String url) throws Exception {
        Process p = new ProcessBuilder("node", "play.mjs", url)
                .directory(new java.io.File(System.getProperty("vault.browser.dir")))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(output));
        return Json.createReader(new java.io.StringReader(last)).readObject();
    }

    static String segmentUrl() {
        HttpResponse<String> master = get(sign(video, "stream/master.m3u8", 60).getString("url"));
        String variant = master.body().lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        HttpResponse<String> playlist = get(variant);
        String chunk = playlist.body().lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        return chunk.startsWith("http") ? chunk : variant.substring(0, variant.lastIndexOf('/') + 1) + chunk;
    }

    static HttpResponse<String> get(String url) {
        return Http.send("GET", url, null);
    }

    static JsonObject sign(String videoId, String path, long expiresIn) {
        HttpResponse<String> r = Http.send("POST", "media/sign",
                ("{\"videoId\":\"" + videoId + "\",\"path\":\"" + path + "\",\"expiresIn\":" + expiresIn + "}").getBytes(),
                "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        assertNotEquals(null, r.body());
        return Http.json(r);
    }

    static HttpResponse<String> signRaw(String videoId, String path) {
        return Http.send("POST", "media/sign", ("{\"videoId\":\"" + videoId + "\",\"path\":\"" + path + "\"}").getBytes(),
                "Content-Type", "application/json");
    }
}
