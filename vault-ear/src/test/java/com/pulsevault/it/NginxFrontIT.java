package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped nginx front (docker/nginx) in front of the test WildFly, run by Debian's nginx: the
 * files are used as they are, with only ports, file locations and the upstream address substituted
 * (each substitution must match, so the test breaks when the shipped config drifts). TLS with a
 * certificate made by openssl for this run; the client trusts only that certificate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxFrontIT extends VaultIT {

    static final Path DOCKER = Path.of(System.getProperty("vault.docker.dir"));
    static final String NGINX = System.getProperty("nginx.binary", "/usr/sbin/nginx");
    static final String API_PATH = "/pulsevault/api/v1/";

    static Path dir;
    static Process nginx;
    static int httpsPort;
    static int httpPort;
    static String front;
    static SSLContext ssl;
    static HttpClient client;

    static String video;

    @BeforeAll
    static void startNginx() throws Exception {
        dir = MEDIA_ROOT.getParent().resolve("nginx");
        Path conf = dir.resolve("conf");
        for (String d : new String[]{"conf/conf.d", "conf/snippets", "certs", "log", "cache"}) {
            Files.createDirectories(dir.resolve(d));
        }
        httpsPort = freePort();
        httpPort = freePort();

        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put("user nginx;", "user " + System.getProperty("user.name") + ";"); // ignored with a warning unless root
        substitutions.put("/run/nginx.pid", dir.resolve("nginx.pid").toString());
        substitutions.put("/var/log/nginx/", dir.resolve("log") + "/");
        substitutions.put("/var/cache/nginx/", dir.resolve("cache") + "/");
        substitutions.put("/etc/nginx/certs/", dir.resolve("certs") + "/");
        substitutions.put("listen 443 ssl", "listen 127.0.0.1:" + httpsPort + " ssl");
        substitutions.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        substitutions.put("server vault:8080;", "server 127.0.0.1:" + Http.PORT + ";");
        Map<String, Integer> used = new LinkedHashMap<>();
        substitutions.keySet().forEach(k -> used.put(k, 0));
        // the same layout as in the nginx image: nginx.conf, conf.d/default.conf, snippets/
        copy(DOCKER.resolve("nginx/nginx.conf"), conf.resolve("nginx.conf"), substitutions, used);
        copy(DOCKER.resolve("nginx/pulsevault.conf"), conf.resolve("conf.d/default.conf"), substitutions, used);
        try (Stream<Path> snippets = Files.list(DOCKER.resolve("nginx/snippets"))) {
            for (Path s : snippets.toList()) {
                copy(s, conf.resolve("snippets").resolve(s.getFileName()), substitutions, used);
            }
        }
        used.forEach((k, n) -> assertTrue(n > 0, "the shipped nginx config no longer contains \"" + k + "\": update this test"));

        Clips.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", dir.resolve("certs/privkey.pem").toString(), "-out", dir.resolve("certs/fullchain.pem").toString()));

        String test = Clips.run(List.of(NGINX, "-t", "-p", dir.toString(), "-c", conf.resolve("nginx.conf").toString()));
        assertTrue(test.contains("test is successful"), test);
        nginx = new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", conf.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(nginx::destroyForcibly));
        awaitListening(httpsPort);

        front = "https://127.0.0.1:" + httpsPort;
        ssl = trusting(dir.resolve("certs/fullchain.pem"));
        client = HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: the master stops its workers
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void everyResponseCarriesTheSecurityHeadersOverHttp2AndTls() {
        HttpResponse<byte[]> r = send("OPTIONS", "uploads", null);
        assertEquals(204, r.statusCode(), () -> text(r));
        assertEquals(HttpClient.Version.HTTP_2, r.version(), "ALPN h2");
        assertEquals("1.0.0", header(r, "Tus-Version").split(",")[0]);
        assertSecurityHeaders(r);
        assertFalse(header(r, "Server").matches(".*\\d.*"), "no nginx version: " + header(r, "Server"));

        HttpResponse<byte[]> notFound = send("GET", front + "/", null);
        assertEquals(404, notFound.statusCode());
        assertSecurityHeaders(notFound);
    }

    @Test
    @Order(2)
    void aTusUploadFinalizeSignAndRangedReadWorkThroughTheFront() throws Exception {
        byte[] clip = Files.readAllBytes(Clips.generate(Files.createDirectories(dir.resolve("clips")), "front.mp4", "640x360", 3, true));

        // creation: the vault builds Location from X-Forwarded-Proto/Host, and nginx drops a client's X-Forwarded-Prefix
        HttpResponse<byte[]> created = send("POST", "uploads", null, "Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(clip.length), "X-Forwarded-Prefix", "/elsewhere", "X-Forwarded-Host", "evil.example");
        assertEquals(201, created.statusCode(), () -> text(created));
        String upload = header(created, "Location");
        assertTrue(upload.matches("https://127\\.0\\.0\\.1:" + httpsPort + "/pulsevault/api/v1/uploads/[0-9a-f-]{36}"), upload);

        // PATCHes streamed through (no request buffering), the last one resumed from HEAD's offset
        int chunk = 64 * 1024;
        int offset = 0;
        while (offset < clip.length - chunk) {
            HttpResponse<byte[]> patched = patch(upload, offset, Arrays.copyOfRange(clip, offset, offset + chunk));
            assertEquals(204, patched.statusCode(), () -> text(patched));
            offset += chunk;
            assertEquals(String.valueOf(offset), header(patched, "Upload-Offset"));
        }
        HttpResponse<byte[]> head = send("HEAD", upload, null, "Tus-Resumable", "1.0.0");
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(offset), header(head, "Upload-Offset"));
        assertEquals("no-store", header(head, "Cache-Control"));
        HttpResponse<byte[]> last = patch(upload, offset, Arrays.copyOfRange(clip, offset, clip.length));
        assertEquals(204, last.statusCode(), () -> text(last));
        assertEquals(String.valueOf(clip.length), header(send("HEAD", upload, null, "Tus-Resumable", "1.0.0"), "Upload-Offset"));

        HttpResponse<byte[]> finalized = send("POST", "uploads/finalize", ("{\"uploadId\":\"" + TusClient.idOf(upload)
                + "\",\"filename\":\"front.mp4\",\"userId\":\"dr.front\",\"metadata\":{\"title\":\"through nginx\"}}")
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertEquals(200, finalized.statusCode(), () -> text(finalized));
        video = json(finalized).getString("videoId");
        assertArrayEquals(clip, Files.readAllBytes(MEDIA_ROOT.resolve("videos").resolve(video).resolve("original.mp4")));

        TranscodeIT.awaitDone(video);
        assertEquals("transcoded", FinalizeIT.status(video));

        // a signed master playlist: its URL and the variant URLs inside point at the front
        String master = sign(video, "stream/master.m3u8");
        assertTrue(master.startsWith(front + API_PATH + "media/t/"), master);
        HttpResponse<byte[]> playlist = send("GET", master, null);
        assertEquals(200, playlist.statusCode(), () -> text(playlist));
        assertSecurityHeaders(playlist);
        assertEquals("MISS", header(playlist, "X-Cache-Status"), "manifests are no-store");
        List<String> variants = text(playlist).lines().filter(l -> l.startsWith("http")).toList();
        assertFalse(variants.isEmpty(), text(playlist));
        variants.forEach(v -> assertTrue(v.startsWith(front + API_PATH + "media/t/"), v));

        // a segment: whole, then a byte range, then If-Range; compared with the file on disk
        String variant = variants.get(0);
        String segmentName = text(send("GET", variant, null)).lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        String segment = segmentName.startsWith("http") ? segmentName : variant.substring(0, variant.lastIndexOf('/') + 1) + segmentName;
        byte[] onDisk = Files.readAllBytes(MEDIA_ROOT.resolve("videos").resolve(video).resolve("stream")
                .resolve(segment.substring(segment.lastIndexOf('/') + 1)));
        assertTrue(onDisk.length > 300, "a segment of some size");

        HttpResponse<byte[]> whole = send("GET", segment, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(onDisk, whole.body());
        assertTrue(header(whole, "Cache-Control").startsWith("private"), header(whole, "Cache-Control"));
        String etag = header(whole, "ETag");

        HttpResponse<byte[]> range = send("GET", segment, null, "Range", "bytes=100-299");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 100-299/" + onDisk.length, header(range, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(onDisk, 100, 300), range.body());
        assertEquals("BYPASS", header(range, "X-Cache-Status"), "ranges go straight to the vault");

        HttpResponse<byte[]> tail = send("GET", segment, null, "Range", "bytes=-50", "If-Range", etag);
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(onDisk, onDisk.length - 50, onDisk.length), tail.body());
        assertEquals(200, send("GET", segment, null, "Range", "bytes=0-9", "If-Range", "\"stale\"").statusCode());
        assertEquals(304, send("GET", segment, null, "If-None-Match", etag).statusCode());
        assertEquals(416, send("GET", segment, null, "Range", "bytes=" + onDisk.length + "-").statusCode());

        // "private" responses are never stored in the shared cache: a second plain GET misses again
        HttpResponse<byte[]> again = send("GET", segment, null);
        assertArrayEquals(onDisk, again.body());
        assertEquals("MISS", header(again, "X-Cache-Status"), "the cache must not keep private responses");

        HttpResponse<byte[]> poster = send("GET", sign(video, "poster.jpg"), null);
        assertEquals(200, poster.statusCode());
        assertEquals("image/jpeg", header(poster, "Content-Type"));

        // the vault audits the client address nginx saw, not the X-Forwarded-For a client sent
        HttpResponse<byte[]> spoofed = send("GET", sign(video, "poster.jpg"), null, "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, spoofed.statusCode());
        String access = Files.readString(MEDIA_ROOT.resolve("audit").resolve("access-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log"));
        assertFalse(access.contains("203.0.113"), "a client-chosen X-Forwarded-For reached the audit trail");
    }

    @Test
    @Order(3)
    void uploadBytesStreamThroughSoAPatchCutOffAtTheFrontKeepsWhatReachedTheVault() throws Exception {
        byte[] content = UploadDurabilityIT.random(3 * UploadDurabilityIT.MIB);
        HttpResponse<byte[]> created = send("POST", "uploads", null, "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(content.length));
        String upload = header(created, "Location");
        String direct = Http.API + "uploads/" + TusClient.idOf(upload); // the same upload, asked of the vault itself
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", httpsPort)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + URI.create(upload).getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + httpsPort + "\r\n"
                    + "Authorization: " + Tokens.bearer(Tokens.OPERATOR) + "\r\n"
                    + "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: " + TusClient.OCTETS + "\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content, 0, 2 * UploadDurabilityIT.MIB);
            out.flush();
            // a buffering proxy would hold these bytes until the body is complete: here they reach the vault's disk
            UploadDurabilityIT.awaitBytesOnDisk(direct, 512 * 1024);
        } // the client goes away with a third of the body unsent
        long offset = UploadDurabilityIT.offsetOnceUnlocked(direct);
        assertTrue(offset > 0 && offset <= 2L * UploadDurabilityIT.MIB, "kept " + offset);
        assertEquals(String.valueOf(offset), header(send("HEAD", upload, null, "Tus-Resumable", "1.0.0"), "Upload-Offset"));
        HttpResponse<byte[]> rest = patch(upload, offset, Arrays.copyOfRange(content, (int) offset, content.length));
        assertEquals(204, rest.statusCode(), () -> text(rest));
        assertArrayEquals(content, Files.readAllBytes(UploadDurabilityIT.dataFile(direct)));
    }

    @Test
    @Order(4)
    void theAccessLogHoldsNoMediaTokenAndNoFullClientAddress() throws Exception {
        String url = sign(video, "poster.jpg");
        String token = url.split("/media/t/")[1].split("/")[0];
        assertEquals(200, send("GET", url, null).statusCode());
        // an encoded path reaches the same location (nginx matches the decoded path); not logged either
        send("GET", url.replace("/media/t/", "/media/%74/"), null);
        // last, so that once its line is there, the others are too (one connection, one worker)
        assertEquals(403, send("GET", url.replace(token, token.substring(0, token.length() - 3) + "AAA"), null).statusCode());

        Path log = dir.resolve("log/access.log");
        String lines = awaitLogLine(log, "/videos/" + video + "/poster.jpg\",\"protocol\":\"HTTP/2.0\",\"status\":403");
        assertFalse(lines.contains(token.substring(0, 20)), "a media token reached nginx's access log");
        assertTrue(lines.contains("\"path\":\"/pulsevault/api/v1/media/t/-/videos/" + video + "/poster.jpg\""), lines);
        assertTrue(lines.contains("\"client\":\"127.0.0.0/24\""), lines);
        assertFalse(lines.contains("127.0.0.1"), "client addresses are shortened");
        String errors = Files.readString(dir.resolve("log/error.log"));
        assertFalse(errors.contains(token.substring(0, 20)), "a media token reached nginx's error log");
    }

    @Test
    @Order(5)
    void adminEndpointsAndPathParametersAreRefusedAtTheFront() {
        HttpResponse<byte[]> admin = send("GET", "admin/transcodes", null);
        assertEquals(403, admin.statusCode());
        assertSecurityHeaders(admin);
        assertEquals(403, send("GET", "%61dmin/transcodes", null).statusCode());
        assertEquals(400, send("GET", "admin;x=1/transcodes", null).statusCode());
        assertEquals(400, send("GET", "admin%3B/transcodes", null).statusCode());
        // the vault behind it does answer, so the 403 above is nginx's doing
        assertEquals(200, Http.send("GET", "admin/transcodes", null).statusCode());
    }

    @Test
    @Order(6)
    void plainHttpOnlyRedirectsToHttps() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + API_PATH + "uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(301, r.statusCode());
        assertEquals("https://127.0.0.1" + API_PATH + "uploads", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    @Order(7)
    void onlyTls12AndNewerAreOffered() throws Exception {
        assertTrue(handshake("-tls1_2"), "TLS 1.2 accepted");
        assertTrue(handshake("-tls1_3"), "TLS 1.3 accepted");
        assertFalse(handshake("-tls1_1"), "TLS 1.1 refused"); // the client allows it (SECLEVEL=0): the server must say no
        assertFalse(handshake("-tls1"), "TLS 1.0 refused");
    }

    @Test
    @Order(8)
    void aBurstOfUploadRequestsIsAnsweredWith429AndTheBudgetRefills() throws Exception {
        // 10 r/s with a burst of 20: sixty requests at once (HTTP/2 streams on one connection) cannot all pass
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(front + API_PATH + "uploads"))
                    .timeout(Duration.ofSeconds(60)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<HttpResponse<byte[]>> responses = burst.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertTrue(statuses.stream().filter(s -> s == 429).count() >= 20, "429s: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 204 || s == 429), statuses.toString());
        HttpResponse<byte[]> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertSecurityHeaders(refused);
        // the rest of the API has a budget of its own
        sign(video, "poster.jpg");

        Instant deadline = Instant.now().plusSeconds(10);
        int status;
        do {
            Thread.sleep(200);
            status = send("OPTIONS", "uploads", null).statusCode();
        } while (status == 429 && Instant.now().isBefore(deadline));
        assertEquals(204, status, "the budget refills");
    }

    // --- helpers -------------------------------------------------------------------------------

    static void assertSecurityHeaders(HttpResponse<?> r) {
        assertEquals("max-age=63072000; includeSubDomains", header(r, "Strict-Transport-Security"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("DENY", header(r, "X-Frame-Options"));
        assertEquals("no-referrer", header(r, "Referrer-Policy"));
        assertTrue(header(r, "Content-Security-Policy").contains("frame-ancestors 'none'"));
        for (String name : new String[]{"X-Content-Type-Options", "X-Frame-Options", "Strict-Transport-Security"}) {
            assertEquals(1, r.headers().allValues(name).size(), name + " set once, by the front, whatever the app server adds");
        }
        assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), "no app server product or version");
    }

    static String sign(String videoId, String path) {
        HttpResponse<byte[]> r = send("POST", "media/sign", ("{\"videoId\":\"" + videoId + "\",\"path\":\"" + path + "\",\"expiresIn\":60}")
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), () -> text(r));
        String url = json(r).getString("url");
        assertNotEquals(null, url);
        return url;
    }

    static HttpResponse<byte[]> patch(String url, long offset, byte[] chunk) {
        return send("PATCH", url, chunk, "Tus-Resumable", "1.0.0", "Upload-Offset", String.valueOf(offset),
                "Content-Type", TusClient.OCTETS);
    }

    /** @param url absolute, or relative to the API through the front */
    static HttpResponse<byte[]> send(String method, String url, byte[] body, String... headers) {
        String absolute = url.startsWith("http") ? url : front + API_PATH + url;
        if (Http.needsToken(absolute) && !Http.hasAuthorization(headers)) {
            headers = Http.with(headers, "Authorization", Tokens.bearer(Tokens.OPERATOR));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(absolute))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static JsonObject json(HttpResponse<byte[]> r) {
        return Json.createReader(new StringReader(text(r))).readObject();
    }

    /** Whether openssl completes a handshake with the front using only the given protocol version. */
    static boolean handshake(String protocol) throws Exception {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + httpsPort, protocol,
                "-cipher", "DEFAULT:@SECLEVEL=0", "-CAfile", dir.resolve("certs/fullchain.pem").toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close(); // no input: s_client closes the connection after the handshake
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() == 0 && out.contains("Verify return code: 0 (ok)");
    }

    static String awaitLogLine(Path log, String needle) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(needle)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access-log line with " + needle + " in:\n" + text);
    }

    static void copy(Path from, Path to, Map<String, String> substitutions, Map<String, Integer> used) throws IOException {
        String text = Files.readString(from);
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            if (text.contains(s.getKey())) {
                used.merge(s.getKey(), 1, Integer::sum);
                text = text.replace(s.getKey(), s.getValue());
            }
        }
        Files.writeString(to, text);
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("front", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void awaitListening(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
                        + Files.readString(dir.resolve("log/error.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx is not listening on " + port);
    }
}
