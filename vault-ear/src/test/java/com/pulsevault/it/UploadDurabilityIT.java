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
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.TusClient.OCTETS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a 204 promises: bytes on disk, kept across aborts, never interleaved, whole at the end. */
class UploadDurabilityIT extends VaultIT {

    static final int MIB = 1024 * 1024;

    @Test
    void aPatchCutOffMidBodyKeepsWhatArrivedAndTheUploadResumesToTheRightFile() throws Exception {
        byte[] content = random(3 * MIB);
        String url = TusClient.createdUpload(content.length);
        try (RawHttp raw = new RawHttp()) {
            raw.start("PATCH", path(url), "Tus-Resumable: 1.0.0", "Upload-Offset: 0", "Content-Type: " + OCTETS,
                    "Content-Length: " + content.length).body(content, 0, 2 * MIB);
            awaitBytesOnDisk(url, 512 * 1024); // the server is inside the request, holding the upload
        } // the client goes away with a third of the body unsent
        long offset = offsetOnceUnlocked(url);
        assertTrue(offset > 0 && offset <= 2 * MIB, "kept " + offset);
        assertArrayEquals(Arrays.copyOf(content, (int) offset), Files.readAllBytes(dataFile(url)));
        assertEquals(204, TusClient.patch(url, offset, Arrays.copyOfRange(content, (int) offset, content.length)).statusCode());
        assertEquals(sha256(content), finalized(url).getString("checksum"));
    }

    @Test
    void aSecondPatchWhileOneIsWritingGets423AndAfterItEnds409() throws Exception {
        byte[] content = random(2 * MIB);
        String url = TusClient.createdUpload(content.length);
        try (RawHttp slow = new RawHttp()) {
            slow.start("PATCH", path(url), "Tus-Resumable: 1.0.0", "Upload-Offset: 0", "Content-Type: " + OCTETS,
                    "Content-Length: " + content.length).body(content, 0, MIB);
            // bytes on disk mean the first request holds the upload and waits for the rest of its body
            awaitBytesOnDisk(url, 512 * 1024);
            assertProblem(TusClient.patch(url, 0, new byte[10]), 423, "upload-locked");
            slow.body(content, MIB, content.length);
            assertEquals(204, RawHttp.status(slow.responseHead()));
        }
        assertProblem(TusClient.patch(url, 0, new byte[10]), 409, "offset-mismatch");
        assertArrayEquals(content, Files.readAllBytes(dataFile(url)));
    }

    @Test
    void a100MegabyteUploadIsStoredWithTheSameSha256() throws Exception {
        byte[] content = random(100 * MIB);
        String url = TusClient.upload(content, 40 * MIB); // chunks above Undertow's default 10 MB request cap
        JsonObject result = finalized(url);
        assertEquals(content.length, result.getJsonNumber("size").longValue());
        assertEquals(sha256(content), result.getString("checksum"));
        Path stored = MEDIA_ROOT.resolve("videos").resolve(result.getString("videoId")).resolve("original.mp4");
        assertEquals(sha256(content), "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(stored))));
    }

    @Test
    void theStockTusJavaClientUploadsUnchanged() throws Exception {
        byte[] content = random(5 * MIB + 123);
        io.tus.java.client.TusClient client = new io.tus.java.client.TusClient();
        client.setUploadCreationURL(new URL(Http.API + "uploads"));
        client.enableResuming(new TusURLMemoryStore());
        client.setHeaders(Map.of("Authorization", Tokens.bearer(Tokens.OPERATOR))); // as any app sends its token
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(content));
        upload.setSize(content.length);
        upload.setFingerprint("it-" + System.nanoTime());
        upload.setMetadata(Map.of("filename", "clip.mp4"));
        URL[] location = new URL[1];
        new TusExecutor() {
            @Override
            protected void makeAttempt() throws io.tus.java.client.ProtocolException, java.io.IOException {
                TusUploader uploader = client.resumeOrCreateUpload(upload);
                uploader.setChunkSize(MIB);
                while (uploader.uploadChunk() > -1) {
                    // keep going
                }
                uploader.finish();
                location[0] = uploader.getUploadURL();
            }
        }.makeAttempts();
        assertEquals(sha256(content), finalized(location[0].toString()).getString("checksum"));
    }

    static JsonObject finalized(String url) {
        HttpResponse<String> r = Http.send("POST", "uploads/finalize",
                ("{\"uploadId\":\"" + TusClient.idOf(url) + "\",\"filename\":\"clip.mp4\",\"userId\":\"u1\"}").getBytes(),
                "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r);
    }

    /** The offset once the server has finished with the aborted request (its lock is free again). */
    static long offsetOnceUnlocked(String url) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long offset = TusClient.offset(url);
            if (TusClient.patch(url, offset, new byte[0]).statusCode() == 204) {
                return TusClient.offset(url);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("upload stayed locked");
    }

    static void awaitBytesOnDisk(String url, long atLeast) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Files.size(dataFile(url)) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server never wrote " + atLeast + " bytes");
            }
            Thread.sleep(20);
        }
    }

    static String path(String url) {
        return url.substring(url.indexOf("/pulsevault/"));
    }

    static Path dataFile(String url) {
        return MEDIA_ROOT.resolve("uploads").resolve(TusClient.idOf(url));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
