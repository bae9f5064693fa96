package com.pulsevault.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyAuditCommandTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyAuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactTrailExitsZero() {
        new AuditChain(dir, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
                .append(AuditCategory.UPLOAD, AuditEntry.success("upload.create", null, null, "system", null));
        assertEquals(0, run(dir.toString(), "--category", "upload"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("OK upload: 1 file(s), 1 entries"), out::toString);
    }

    @Test
    void withThePublicKeyTheCheckpointsAreCheckedToo() throws Exception {
        new AuditChain(dir, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
                .append(AuditCategory.UPLOAD, AuditEntry.success("upload.create", null, null, "system", null));
        SigningKey key = CheckpointVerifierTest.newKey();
        new CheckpointLog(dir).write(Instant.parse("2026-12-01T10:00:01Z"), "n", 300, key, null);
        java.nio.file.Path pem = java.nio.file.Files.writeString(dir.getParent().resolve(dir.getFileName() + ".pem"), key.publicKeyPem());
        assertEquals(0, run(dir.toString(), "--public-key", pem.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("OK checkpoints: 1 checkpoint(s)"), out::toString);
        SigningKey other = CheckpointVerifierTest.newKey();
        java.nio.file.Files.writeString(pem, other.publicKeyPem());
        assertEquals(1, run(dir.toString(), "--public-key", pem.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BREAK forged-checkpoint checkpoints-2026-12-01.log:1"), out::toString);
        java.nio.file.Files.delete(pem);
    }

    @Test
    void aWitnessWithoutThePublicKeyExitsTwo() {
        assertEquals(2, run(dir.toString(), "--witness", dir.toString()));
        assertOneClearLine("--witness needs --public-key");
    }

    @Test
    void aReversedRangeExitsTwoWithOneLineAndNoStackTrace() {
        assertEquals(2, run(dir.toString(), "--from", "2026-12-05", "--to", "2026-12-01"));
        assertOneClearLine("from (2026-12-05) is after to (2026-12-01)");
    }

    @Test
    void anImpossibleDateExitsTwo() {
        assertEquals(2, run(dir.toString(), "--from", "2026-02-30"));
        assertOneClearLine("--from must be a date like 2026-11-22");
    }

    @Test
    void aMissingOptionValueExitsTwo() {
        assertEquals(2, run(dir.toString(), "--to"));
        assertOneClearLine("--to needs a value");
    }

    @Test
    void anUnknownCategoryExitsTwo() {
        assertEquals(2, run(dir.toString(), "--category", "billing"));
        assertOneClearLine("--category must be one of");
    }

    @Test
    void aMissingDirectoryExitsTwo() {
        assertEquals(2, run(dir.resolve("nope").toString()));
        assertOneClearLine("is not a directory");
    }

    private void assertOneClearLine(String expected) {
        String text = errors();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
    }
}
