package com.pulsevault.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import static com.pulsevault.it.Http.assertHasHeader;
import static com.pulsevault.it.Http.assertHeader;
import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.Http.header;
import static com.pulsevault.it.TusClient.OCTETS;
import static com.pulsevault.it.TusClient.TUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tus 1.0.0 core and every extension the server advertises, one behaviour per test. */
class TusProtocolIT extends VaultIT {

    @Test
    void optionsAdvertisesVersionExtensionsMaxSizeAndChecksumAlgorithms() {
        HttpResponse<String> r = Http.send("OPTIONS", "uploads", null);
        assertEquals(204, r.statusCode());
        assertHeader(r, "Tus-Version", "1.0.0");
        assertHeader(r, "Tus-Extension", "creation,creation-with-upload,creation-defer-length,termination,expiration,checksum");
        assertHeader(r, "Tus-Max-Size", String.valueOf(10L * 1024 * 1024 * 1024));
        assertHeader(r, "Tus-Checksum-Algorithm", "sha1,md5,sha256");
    }

    @Test
    void creationAnswers201WithAnAbsoluteLocationAndExpiry() {
        HttpResponse<String> r = TusClient.create(100);
        assertEquals(201, r.statusCode());
        assertTrue(header(r, "Location").matches("http://127\\.0\\.0\\.1:" + Http.PORT + "/pulsevault/api/v1/uploads/[0-9a-f-]{36}"), header(r, "Location"));
        assertHeader(r, "Tus-Resumable", TUS);
        Instant expires = ZonedDateTime.parse(header(r, "Upload-Expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(23))), "24 h by default");
    }

    @Test
    void locationIsBuiltFromForwardedHeadersWhenTrusted() {
        HttpResponse<String> r = TusClient.create(100, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "vault.hospital.example",
                "X-Forwarded-Prefix", "/video");
        assertTrue(header(r, "Location").startsWith("https://vault.hospital.example/video/pulsevault/api/v1/uploads/"), header(r, "Location"));
    }

    @Test
    void headReportsOffsetLengthMetadataAndIsNotCached() {
        String metadata = "filename " + b64("knee.mp4") + ",filetype " + b64("video/mp4");
        HttpResponse<String> created = TusClient.create(10, "Upload-Metadata", metadata);
        String url = header(created, "Location");
        TusClient.patch(url, 0, new byte[4]);
        HttpResponse<String> r = TusClient.head(url);
        assertEquals(200, r.statusCode());
        assertHeader(r, "Upload-Offset", "4");
        assertHeader(r, "Upload-Length", "10");
        assertHeader(r, "Upload-Metadata", metadata);
        assertHeader(r, "Cache-Control", "no-store");
        assertHasHeader(r, "Upload-Expires");
        assertHeader(r, "Tus-Resumable", TUS);
    }

    @Test
    void patchAppendsAndAnswers204WithTheNewOffset() {
        String url = TusClient.createdUpload(10);
        HttpResponse<String> r = TusClient.patch(url, 0, "hello".getBytes(StandardCharsets.US_ASCII));
        assertEquals(204, r.statusCode());
        assertHeader(r, "Upload-Offset", "5");
        assertHasHeader(r, "Upload-Expires");
        assertEquals(5, TusClient.offset(url));
    }

    @Test
    void anUnsupportedTusVersionGets412WithTheSupportedVersions() {
        HttpResponse<String> r = Http.send("POST", "uploads", null, "Tus-Resumable", "0.2.2", "Upload-Length", "10");
        assertProblem(r, 412, "tus-version-unsupported");
        assertHeader(r, "Tus-Version", "1.0.0");
    }

    @Test
    void aMissingTusResumableHeaderIsNamedAsMissing() {
        HttpResponse<String> r = Http.send("POST", "uploads", null, "Upload-Length", "10");
        String detail = assertProblem(r, 412, "tus-version-unsupported").getString("detail");
        assertTrue(detail.contains("missing"), detail);
    }

    @Test
    void aPatchWithTheWrongContentTypeGets415() {
        String url = TusClient.createdUpload(10);
        HttpResponse<String> r = Http.send("PATCH", url, new byte[2], "Tus-Resumable", TUS, "Upload-Offset", "0",
                "Content-Type", "application/octet-stream");
        assertProblem(r, 415, "unsupported-media-type");
        assertEquals(0, TusClient.offset(url));
    }

    @Test
    void aPatchAtTheWrongOffsetGets409AndWritesNothing() {
        String url = TusClient.createdUpload(10);
        TusClient.patch(url, 0, new byte[3]);
        assertProblem(TusClient.patch(url, 1, new byte[3]), 409, "offset-mismatch");
        assertEquals(3, TusClient.offset(url));
    }

    @Test
    void anUploadLengthAboveTusMaxSizeGets413() {
        assertProblem(TusClient.create(10L * 1024 * 1024 * 1024 + 1), 413, "upload-too-large");
    }

    @Test
    void aBodyBeyondUploadLengthGets413AndWritesNothing() {
        String url = TusClient.createdUpload(4);
        assertProblem(TusClient.patch(url, 0, new byte[6]), 413, "upload-too-large");
        assertEquals(0, TusClient.offset(url));
    }

    @Test
    void aChunkWithAMismatchingChecksumGets460AndIsDiscarded() {
        String url = TusClient.createdUpload(10);
        TusClient.patch(url, 0, "abc".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = TusClient.patch(url, 3, "defg".getBytes(StandardCharsets.US_ASCII),
                "Upload-Checksum", "sha1 " + digest("SHA-1", "xxxx"));
        assertProblem(r, 460, "checksum-mismatch");
        assertEquals(3, TusClient.offset(url));
    }

    @Test
    void chunksWithMatchingSha1Md5AndSha256ChecksumsAreAccepted() {
        String url = TusClient.createdUpload(9);
        assertEquals(204, TusClient.patch(url, 0, bytes("abc"), "Upload-Checksum", "sha1 " + digest("SHA-1", "abc")).statusCode());
        assertEquals(204, TusClient.patch(url, 3, bytes("def"), "Upload-Checksum", "md5 " + digest("MD5", "def")).statusCode());
        assertEquals(204, TusClient.patch(url, 6, bytes("ghi"), "Upload-Checksum", "sha256 " + digest("SHA-256", "ghi")).statusCode());
        assertEquals(9, TusClient.offset(url));
    }

    @Test
    void anUnsupportedChecksumAlgorithmGets400() {
        String url = TusClient.createdUpload(3);
        assertProblem(TusClient.patch(url, 0, bytes("abc"), "Upload-Checksum", "crc32 AAAA"), 400, "invalid-upload-request");
    }

    @Test
    void aDeferredLengthIsDeclaredByALaterPatch() {
        HttpResponse<String> created = Http.send("POST", "uploads", null, "Tus-Resumable", TUS, "Upload-Defer-Length", "1");
        assertEquals(201, created.statusCode());
        String url = header(created, "Location");
        HttpResponse<String> head = TusClient.head(url);
        assertHeader(head, "Upload-Defer-Length", "1");
        assertNull(header(head, "Upload-Length"));
        assertEquals(204, TusClient.patch(url, 0, bytes("abc"), "Upload-Length", "6").statusCode());
        assertHeader(TusClient.head(url), "Upload-Length", "6");
    }

    @Test
    void creationWithUploadStoresTheFirstChunk() {
        HttpResponse<String> r = Http.send("POST", "uploads", bytes("hello"), "Tus-Resumable", TUS, "Upload-Length", "10",
                "Content-Type", OCTETS);
        assertEquals(201, r.statusCode());
        assertHeader(r, "Upload-Offset", "5");
        assertEquals(5, TusClient.offset(header(r, "Location")));
    }

    @Test
    void aTerminatedUploadIsGoneWithItsFiles() {
        String url = TusClient.createdUpload(10);
        TusClient.patch(url, 0, new byte[3]);
        assertEquals(204, Http.send("DELETE", url, null, "Tus-Resumable", TUS).statusCode());
        assertProblem(TusClient.head(url), 404, "upload-not-found");
        assertFalse(Files.exists(MEDIA_ROOT.resolve("uploads").resolve(TusClient.idOf(url))));
    }

    @Test
    void anExpiredUploadAnswers410AndTheSweepRemovesIt() throws Exception {
        String url = TusClient.createdUpload(10);
        Path info = MEDIA_ROOT.resolve("uploads").resolve(TusClient.idOf(url) + ".info");
        // age the upload as 24 hours would
        String json = Files.readString(info).replaceAll("\"expiresAt\":\"[^\"]+\"", "\"expiresAt\":\"" + Instant.now().minusSeconds(60) + "\"");
        Files.writeString(info, json);
        assertProblem(TusClient.head(url), 410, "upload-expired");
        assertProblem(TusClient.patch(url, 0, new byte[1]), 410, "upload-expired");
        // the server sweeps every 2 s in the tests (pulsevault.upload.cleanup-interval-seconds)
        Instant deadline = Instant.now().plusSeconds(30);
        while (Files.exists(info) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(info), "the sweep removed the expired upload");
        assertProblem(TusClient.head(url), 404, "upload-not-found");
    }

    @Test
    void aPostWithMethodOverridePatchIsAPatch() {
        String url = TusClient.createdUpload(4);
        HttpResponse<String> r = Http.send("POST", url, bytes("abcd"), "Tus-Resumable", TUS, "Upload-Offset", "0",
                "Content-Type", OCTETS, "X-HTTP-Method-Override", "PATCH");
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(4, TusClient.offset(url));
    }

    @Test
    void browsersOnAnAllowedOriginMayReadTheTusHeaders() {
        HttpResponse<String> preflight = Http.send("OPTIONS", "uploads", null, "Origin", "https://capture.example.org",
                "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "upload-offset,tus-resumable");
        assertEquals(204, preflight.statusCode());
        assertHeader(preflight, "Access-Control-Allow-Origin", "https://capture.example.org");
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("PATCH"));
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Upload-Offset"));
        HttpResponse<String> created = TusClient.create(5, "Origin", "https://capture.example.org");
        assertHeader(created, "Access-Control-Allow-Origin", "https://capture.example.org");
        assertTrue(header(created, "Access-Control-Expose-Headers").contains("Location"));
        assertTrue(header(created, "Access-Control-Expose-Headers").contains("Upload-Offset"));
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        HttpResponse<String> created = TusClient.create(5, "Origin", "https://evil.example.com");
        assertNull(header(created, "Access-Control-Allow-Origin"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String digest(String algorithm, String content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes(content)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
