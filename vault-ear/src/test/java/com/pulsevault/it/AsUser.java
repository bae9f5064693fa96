package com.pulsevault.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The vault as one test user uses it: every request carries that user's token. */
public final class AsUser {

    private AsUser() {
    }

    public static HttpResponse<String> createUpload(String user, long length) {
        return Http.as(user, "POST", "uploads", null, "Tus-Resumable", TusClient.TUS, "Upload-Length", String.valueOf(length));
    }

    /** Creates and fills an upload as {@code user}; returns its URL. */
    public static String upload(String user, byte[] content) {
        HttpResponse<String> created = createUpload(user, content.length);
        assertEquals(201, created.statusCode(), created::body);
        String url = Http.header(created, "Location");
        HttpResponse<String> patched = patch(user, url, 0, content);
        assertEquals(204, patched.statusCode(), patched::body);
        return url;
    }

    public static HttpResponse<String> patch(String user, String url, long offset, byte[] chunk) {
        return Http.as(user, "PATCH", url, chunk, "Tus-Resumable", TusClient.TUS, "Upload-Offset", String.valueOf(offset),
                "Content-Type", TusClient.OCTETS);
    }

    /** @param extraJson more members of the finalize body, starting with a comma, or "" */
    public static HttpResponse<String> finalizeUpload(String user, String url, String extraJson) {
        return Http.postJson(user, "uploads/finalize", "{\"uploadId\":\"" + TusClient.idOf(url) + "\",\"filename\":\"a.mp4\"" + extraJson + "}");
    }

    /** A video owned by {@code user} (random bytes: it never transcodes, but its metadata can be signed). */
    public static String video(String user, String extraJson) {
        HttpResponse<String> r = finalizeUpload(user, upload(user, UploadDurabilityIT.random(1000)), extraJson);
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r).getString("videoId");
    }

    public static HttpResponse<String> sign(String user, String videoId, String path) {
        return Http.postJson(user, "media/sign", "{\"videoId\":\"" + videoId + "\",\"path\":\"" + path + "\"}");
    }

    /** The audit pseudonym the vault writes for a subject: HMAC-SHA256 with the media root's generated key. */
    public static String pseudonym(String subject) throws Exception {
        byte[] key = Files.readString(VaultIT.MEDIA_ROOT.resolve("secrets").resolve("hmac.key")).trim().getBytes(StandardCharsets.US_ASCII);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        mac.update("actor:".getBytes(StandardCharsets.UTF_8));
        return "user:" + HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** Today's lines of an audit chain. */
    public static List<String> auditLines(String category) throws Exception {
        Path log = VaultIT.MEDIA_ROOT.resolve("audit").resolve(category + "-" + LocalDate.now(ZoneOffset.UTC) + ".log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
