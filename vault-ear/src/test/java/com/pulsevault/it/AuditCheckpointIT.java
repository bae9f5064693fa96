package com.pulsevault.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed audit checkpoints as the server keeps them: the key, the checkpoints, the verifier, the witness, the command. */
class AuditCheckpointIT extends VaultIT {

    static final Path AUDIT = MEDIA_ROOT.resolve("audit");

    @TempDir
    Path copy;

    static JsonObject checkpointNow() {
        HttpResponse<String> r = Http.as("frank", "POST", Http.API + "admin/audit/checkpoint", new byte[0]);
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r);
    }

    static JsonObject verify() {
        HttpResponse<String> r = Http.as("erin", "GET", Http.API + "audit/checkpoints/verify", null);
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r);
    }

    static String publicKey() {
        HttpResponse<String> r = Http.as("alice", "GET", Http.API + "audit/public-key", null);
        assertEquals(200, r.statusCode(), r::body);
        return r.body();
    }

    static List<JsonObject> breaks(JsonObject report) {
        return report.getJsonArray("findings").stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("severity").equals("break")).toList();
    }

    @Test
    void thePublicKeyIsServedAndKeptBesideTheCheckpoints() throws Exception {
        String pem = publicKey();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        assertEquals(pem, Files.readString(AUDIT.resolve("checkpoint-public-key.pem")));
        String keyId = checkpointNow().getString("keyId");
        assertEquals(pem, Files.readString(AUDIT.resolve("checkpoint-key-" + keyId + ".pem")));
    }

    @Test
    void anAdminWritesACheckpointAndAnAuditorReadsItBack() {
        JsonObject written = checkpointNow();
        HttpResponse<String> r = Http.as("erin", "GET", Http.API + "audit/checkpoints?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC), null);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("\"seq\":\"" + written.getInt("seq") + "\"") && r.body().contains(written.getString("hash")), r.body());
    }

    @Test
    void onlyAuditorsReadTheCheckpointsAndOnlyAdminsWriteOne() {
        assertProblem(Http.as("carol", "GET", Http.API + "audit/checkpoints", null), 403, "forbidden");
        assertProblem(Http.as("erin", "POST", Http.API + "admin/audit/checkpoint", new byte[0]), 403, "forbidden");
    }

    @Test
    void theTrailVerifiesAgainstItsCheckpoints() {
        TusClient.upload(new byte[100], 100);
        checkpointNow();
        JsonObject report = verify();
        assertTrue(report.getBoolean("ok"), report.toString());
    }

    @Test
    void aTailCutAfterACheckpointIsNamedWithItsPlace() throws Exception {
        TusClient.upload(new byte[100], 100);
        checkpointNow();
        Path log = FinalizeIT.todaysUploadLog();
        byte[] original = Files.readAllBytes(log);
        List<String> lines = Files.readAllLines(log);
        try {
            Files.write(log, lines.subList(0, lines.size() - 1));
            List<JsonObject> found = breaks(verify());
            assertTrue(found.stream().anyMatch(f -> f.getString("kind").equals("tail-cut")
                    && f.getString("file").equals(log.getFileName().toString()) && f.getInt("line") == lines.size()), found.toString());
        } finally {
            Files.write(log, original);
        }
    }

    @Test
    void aWitnessThatWasMissingGetsEveryCheckpointOnceItIsThere() throws Exception {
        Path witness = MEDIA_ROOT.getParent().resolve("witness"); // pulsevault.audit.witness-dir of the test servers
        boolean absent = !Files.exists(witness);
        if (absent) {
            checkpointNow();
            assertEquals("behind", witnessHealth(), "the witness directory is not there yet");
            Files.createDirectories(witness);
        }
        checkpointNow();
        assertEquals("current", witnessHealth());
        try (DirectoryStream<Path> days = Files.newDirectoryStream(AUDIT, "checkpoints-*.log")) {
            for (Path day : days) {
                assertEquals(Files.readAllLines(day), Files.readAllLines(witness.resolve(day.getFileName())), day.toString());
            }
        }
        assertTrue(verify().getBoolean("ok"), "the witness's copy agrees");
    }

    static String witnessHealth() {
        HttpResponse<String> r = Http.send("GET", Http.HEALTH + "ready", null);
        JsonObject check = Http.json(r).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("audit-witness")).findFirst().orElseThrow(() -> new AssertionError(r.body()));
        assertEquals("UP", check.getString("status"), "a witness never takes the vault out of service");
        return check.getJsonObject("data").getString("witness");
    }

    @Test
    void theCommandVerifiesACopyWithOnlyThePublicKey() throws Exception {
        TusClient.upload(new byte[100], 100);
        checkpointNow();
        try (Stream<Path> files = Files.list(AUDIT)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        for (Path key : Files.newDirectoryStream(AUDIT, "checkpoint-key-*.pem")) {
            Files.copy(key, copy.resolve(key.getFileName())); // earlier keys vouched for at a rotation
        }
        Path pem = Files.writeString(copy.getParent().resolve("pulsevault-audit-" + System.nanoTime() + ".pem"), publicKey());
        try {
            AuditIT.Result clean = AuditIT.verifyCommand(copy, "--public-key", pem.toString());
            assertEquals(0, clean.exit(), clean.output());
            assertTrue(clean.output().contains("OK checkpoints"), clean.output());

            Path log = copy.resolve(FinalizeIT.todaysUploadLog().getFileName());
            List<String> lines = Files.readAllLines(log);
            Files.write(log, lines.subList(0, lines.size() - 1));
            AuditIT.Result cut = AuditIT.verifyCommand(copy, "--public-key", pem.toString());
            assertEquals(1, cut.exit(), cut.output());
            assertTrue(cut.output().contains("BREAK tail-cut " + log.getFileName() + ":" + lines.size()), cut.output());
            assertFalse(cut.output().contains("OK checkpoints"), cut.output());
        } finally {
            Files.deleteIfExists(pem);
        }
    }
}
