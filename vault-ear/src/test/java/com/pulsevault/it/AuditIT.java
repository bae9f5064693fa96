package com.pulsevault.it;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditChain;
import com.pulsevault.audit.AuditEntry;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.pulsevault.it.FinalizeIT.todaysUploadLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail as an auditor checks it: over HTTP, and with the command on a copied directory. */
class AuditIT extends VaultIT {

    @Test
    void theVerifyEndpointReportsAnIntactTrail() {
        TusClient.upload(new byte[100], 100);
        JsonObject report = verify("upload");
        assertTrue(report.getBoolean("ok"), report.toString());
        assertTrue(report.getJsonArray("chains").getJsonObject(0).getInt("entries") >= 2);
    }

    @Test
    void theVerifyEndpointFindsAnEditedLine() throws Exception {
        TusClient.upload(new byte[100], 100);
        Path log = todaysUploadLog();
        byte[] original = Files.readAllBytes(log);
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        int edited = lines.size() - 1;
        lines.set(edited - 1, lines.get(edited - 1).replace("\"outcome\":\"success\"", "\"outcome\":\"failure\""));
        try {
            Files.writeString(log, String.join("\n", lines) + "\n");
            JsonObject problem = firstProblem(verify("upload"));
            assertEquals("hash-mismatch", problem.getString("kind"));
            assertEquals(edited, problem.getInt("line"));
        } finally {
            Files.write(log, original);
        }
        assertTrue(verify("upload").getBoolean("ok"));
    }

    @Test
    void theVerifyEndpointFindsADeletedLine() throws Exception {
        TusClient.upload(new byte[100], 100);
        Path log = todaysUploadLog();
        byte[] original = Files.readAllBytes(log);
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(lines.size() - 2);
        try {
            Files.writeString(log, String.join("\n", lines) + "\n");
            JsonObject problem = firstProblem(verify("upload"));
            assertEquals("broken-link", problem.getString("kind"));
            assertEquals(lines.size(), problem.getInt("line"));
        } finally {
            Files.write(log, original);
        }
    }

    @Test
    void eachVerificationIsItselfAudited() throws Exception {
        verify("upload");
        Path admin = MEDIA_ROOT.resolve("audit").resolve("admin-" + java.time.LocalDate.now(ZoneOffset.UTC) + ".log");
        List<String> lines = Files.readAllLines(admin);
        assertTrue(lines.get(lines.size() - 1).contains("\"action\":\"audit.verify\""), lines.get(lines.size() - 1));
    }

    @Test
    void theVerifyEndpointRefusesAnUnknownCategory() {
        Http.assertProblem(Http.send("GET", "audit/verify?category=secrets", null), 400, "invalid-request");
    }

    @Test
    void theVerifyEndpointRefusesAReversedOrImpossibleRange() {
        for (String range : new String[]{"from=2026-12-05&to=2026-12-01", "from=2026-02-30", "to=yesterday"}) {
            Http.assertProblem(Http.send("GET", "audit/verify?" + range, null), 400, "invalid-date-range");
        }
    }

    @Test
    void theCommandLineFindsABrokenCrossDayLinkInACopiedDirectory(@TempDir Path copy) throws Exception {
        for (String day : new String[]{"2026-11-01", "2026-11-02", "2026-11-03"}) {
            AuditChain chain = new AuditChain(copy, Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 3; i++) {
                chain.append(AuditCategory.UPLOAD, AuditEntry.success("upload.create", null, null, "anonymous", "10.0.0.0"));
            }
        }
        Result ok = verifyCommand(copy);
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.contains("OK upload: 3 file(s), 9 entries"), ok.output);

        Path day2 = copy.resolve("upload-2026-11-02.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(day2));
        lines.remove(lines.size() - 1); // day 2 still chains by itself, but day 3 links to the line that is gone
        Files.writeString(day2, String.join("\n", lines) + "\n");
        Result broken = verifyCommand(copy);
        assertEquals(1, broken.exit, broken.output);
        assertTrue(broken.output.contains("upload-2026-11-03.log line 1: broken-cross-day-link"), broken.output);
    }

    @Test
    void theCommandLineFindsAMissingDay(@TempDir Path copy) throws Exception {
        for (String day : new String[]{"2026-11-01", "2026-11-02", "2026-11-03"}) {
            new AuditChain(copy, Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC))
                    .append(AuditCategory.UPLOAD, AuditEntry.success("upload.create", null, null, "anonymous", "10.0.0.0"));
        }
        Files.delete(copy.resolve("upload-2026-11-02.log"));
        Result broken = verifyCommand(copy);
        assertEquals(1, broken.exit, broken.output);
        assertTrue(broken.output.contains("missing-day"), broken.output);
    }

    @Test
    void theCommandLineVerifiesTheServersOwnTrail() throws Exception {
        TusClient.upload(new byte[100], 100);
        Result result = verifyCommand(MEDIA_ROOT.resolve("audit"));
        assertEquals(0, result.exit, result.output);
        assertFalse(result.output.contains("BROKEN"), result.output);
    }

    static JsonObject verify(String category) {
        HttpResponse<String> r = Http.send("GET", "audit/verify?category=" + category, null);
        assertEquals(200, r.statusCode(), r::body);
        return Http.json(r);
    }

    static JsonObject firstProblem(JsonObject report) {
        assertFalse(report.getBoolean("ok"), report.toString());
        return report.getJsonArray("chains").getJsonObject(0).getJsonObject("problem");
    }

    record Result(int exit, String output) {
    }

    /** Runs the verifier exactly as an auditor would: {@code java -jar vault-ejb.jar <dir>}. */
    static Result verifyCommand(Path dir, String... options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", new File(System.getProperty("vault.ejb.jar")).getAbsolutePath(), dir.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }
}
