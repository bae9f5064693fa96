package com.pulsevault.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tamper corpus: a real audit directory written by the vault's own chain and checkpoint log, then
 * tampered with one way per case; the verifier must name each with the right kind and place.
 */
class CheckpointVerifierTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    @TempDir
    Path witness;
    MutableClock clock;
    AuditChain chain;
    SigningKey key;

    @BeforeEach
    void trail() throws Exception {
        clock = new MutableClock(T0);
        chain = new AuditChain(dir, clock);
        key = newKey();
        CheckpointKeys.publish(dir, key);
    }

    static SigningKey newKey() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    void events(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(1);
            chain.append(AuditCategory.UPLOAD, AuditEntry.success("upload.create", null, "u" + i, "user:a", "127.0.0.0"));
        }
    }

    Checkpoint checkpoint() throws IOException {
        clock.advance(1);
        return new CheckpointLog(dir).write(clock.instant(), "node-1", 300, key, null);
    }

    List<CheckpointVerifier.Finding> verify() throws IOException {
        return new CheckpointVerifier(dir).verify(key.publicKey(), Optional.empty());
    }

    static CheckpointVerifier.Finding only(List<CheckpointVerifier.Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    Path uploadLog() {
        return dir.resolve("upload-2026-12-01.log");
    }

    @Test
    void anUntouchedDirectoryVerifiesClean() throws Exception {
        events(3);
        checkpoint();
        events(2);
        checkpoint();
        assertEquals(List.of(), verify());
    }

    @Test
    void anEditedLineIsAHashMismatchAtItsLine() throws Exception {
        events(5);
        checkpoint();
        List<String> lines = new ArrayList<>(Files.readAllLines(uploadLog()));
        lines.set(2, lines.get(2).replace("\"outcome\":\"success\"", "\"outcome\":\"failure\""));
        Files.write(uploadLog(), lines);
        CheckpointVerifier.Finding f = verify().get(0);
        assertEquals("hash-mismatch", f.kind());
        assertEquals("upload-2026-12-01.log", f.file());
        assertEquals(3, f.line());
    }

    @Test
    void aRewrittenAndRehashedStretchDisagreesWithTheCheckpoint() throws Exception {
        events(5);
        checkpoint();
        rewriteFrom(2); // lines 3..5 changed and every hash after them recomputed: the chain alone verifies
        assertEquals(null, new AuditVerifier(dir).verify(AuditCategory.UPLOAD, new DayRange(null, null)).problem());
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("rewritten", f.kind());
        assertEquals("upload-2026-12-01.log", f.file());
        assertEquals(5, f.line());
    }

    @Test
    void aTailCutAfterACheckpointIsNamed() throws Exception {
        events(5);
        checkpoint();
        List<String> lines = Files.readAllLines(uploadLog());
        Files.write(uploadLog(), lines.subList(0, 3)); // the last two lines, which the checkpoint counted, are gone
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("tail-cut", f.kind());
        assertEquals(4, f.line());
    }

    @Test
    void aDeletedDayIsNamed() throws Exception {
        events(2);
        checkpoint();
        Files.delete(uploadLog());
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("missing-day", f.kind());
        assertEquals("upload-2026-12-01.log", f.file());
    }

    @Test
    void aCheckpointLogRolledBackIsCaughtByTheWitness() throws Exception {
        events(1);
        checkpoint();
        events(1);
        checkpoint();
        events(1);
        checkpoint();
        new CheckpointLog(dir).deliver(witness);
        Path log = dir.resolve("checkpoints-2026-12-01.log");
        Files.write(log, Files.readAllLines(log).subList(0, 2)); // the third checkpoint removed
        CheckpointVerifier.Finding f = only(new CheckpointVerifier(dir).verify(key.publicKey(), Optional.of(witness)));
        assertEquals("checkpoints-rolled-back", f.kind());
        assertEquals("checkpoints-2026-12-01.log", f.file());
        assertEquals(3, f.line());
    }

    @Test
    void aForgedCheckpointIsNamed() throws Exception {
        events(3);
        checkpoint();
        Path log = dir.resolve("checkpoints-2026-12-01.log");
        String line = Files.readAllLines(log).get(0);
        Checkpoint c = Checkpoint.parse(line);
        // claim fewer lines, recompute the hash, sign with a key of one's own
        Checkpoint.ChainState s = c.chains().get(0);
        Checkpoint forged = Checkpoint.draft(c.seq(), c.time(), c.node(), c.interval(),
                List.of(new Checkpoint.ChainState(s.category(), s.file(), 2, s.lastHash())), c.keyId(), null)
                .sealed(c.prev(), newKey(), null);
        Files.write(log, List.of(forged.line()));
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("forged-checkpoint", f.kind());
        assertEquals(1, f.line());
    }

    @Test
    void anUnsignedCheckpointIsNamed() throws Exception {
        events(3);
        checkpoint();
        Path log = dir.resolve("checkpoints-2026-12-01.log");
        Files.writeString(log, Files.readString(log).replaceAll("\"sig\":\"[^\"]+\"", "\"sig\":null"));
        assertEquals("forged-checkpoint", only(verify()).kind());
    }

    @Test
    void aGapLongerThanTwiceTheIntervalIsAWarning() throws Exception {
        events(1);
        checkpoint();
        clock.advance(1000);
        checkpoint();
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("checkpoint-gap", f.kind());
        assertEquals(CheckpointVerifier.Severity.WARNING, f.severity());
        assertEquals(2, f.line());
    }

    @Test
    void aLastCheckpointLongAgoIsAWarningOnTheLiveDirectory() throws Exception {
        events(1);
        checkpoint();
        CheckpointVerifier.Finding f = only(new CheckpointVerifier(dir).verify(key.publicKey(), Optional.empty(), clock.instant().plusSeconds(601)));
        assertEquals("checkpoint-gap", f.kind());
        assertEquals(List.of(), new CheckpointVerifier(dir).verify(key.publicKey(), Optional.empty(), clock.instant().plusSeconds(599)));
    }

    @Test
    void chainsWithoutAnyCheckpointAreAWarning() throws Exception {
        events(2);
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("no-checkpoints", f.kind());
        assertEquals(CheckpointVerifier.Severity.WARNING, f.severity());
    }

    @Test
    void aKeyChangeSignedByBothKeysIsTrustedWithTheNewKeyAlone() throws Exception {
        events(2);
        checkpoint();
        SigningKey old = key;
        key = newKey();
        CheckpointKeys.publish(dir, key);
        clock.advance(1);
        Checkpoint first = new CheckpointLog(dir).write(clock.instant(), "node-1", 300, key, old);
        assertEquals(old.fingerprint(), first.previousKeyId());
        events(1);
        checkpoint();
        assertEquals(List.of(), verify());
    }

    @Test
    void aKeyChangeTheOldKeyDidNotSignLeavesTheOldCheckpointsUnvouchedFor() throws Exception {
        events(2);
        checkpoint();
        key = newKey();
        CheckpointKeys.publish(dir, key);
        clock.advance(1);
        new CheckpointLog(dir).write(clock.instant(), "node-1", 300, key, null); // no endorsement by the old key
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("forged-checkpoint", f.kind());
        assertEquals(1, f.line());
    }

    @Test
    void aRetiredKeyCannotSignCheckpointsAfterTheRotation() throws Exception {
        events(1);
        checkpoint();
        SigningKey old = key;
        key = newKey();
        CheckpointKeys.publish(dir, key);
        clock.advance(1);
        new CheckpointLog(dir).write(clock.instant(), "node-1", 300, key, old);
        // whoever kept the old key writes a checkpoint after the rotation
        events(1);
        clock.advance(1);
        new CheckpointLog(dir).write(clock.instant(), "node-1", 300, old, null);
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("forged-checkpoint", f.kind());
        assertEquals(3, f.line());
    }

    @Test
    void checkpointsRemovedWhileTheVaultRunsBreakTheCheckpointChain() throws Exception {
        events(1);
        Checkpoint first = checkpoint();
        Files.delete(dir.resolve("checkpoints-2026-12-01.log"));
        clock.advance(1);
        new CheckpointLog(dir).write(clock.instant(), "node-1", 300, key, null, first);
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("broken-checkpoint-chain", f.kind());
        assertEquals(1, f.line());
    }

    @Test
    void aTornCheckpointLineIsCutOffBeforeTheNextOne() throws Exception {
        events(1);
        checkpoint();
        Files.writeString(dir.resolve("checkpoints-2026-12-01.log"), "{\"seq\":\"2\",\"ti", java.nio.file.StandardOpenOption.APPEND);
        Checkpoint next = checkpoint();
        assertEquals(2, next.seq());
        assertEquals(List.of(), verify());
    }

    @Test
    void chainLinesLongBeforeTheFirstCheckpointAreAWarning() throws Exception {
        events(1);
        clock.advance(3600);
        checkpoint();
        CheckpointVerifier.Finding f = only(verify());
        assertEquals("lines-before-first-checkpoint", f.kind());
        assertEquals(CheckpointVerifier.Severity.WARNING, f.severity());
    }

    @Test
    void aWitnessThatIsMissingGetsEveryCheckpointOnceItIsBack() throws Exception {
        Path gone = witness.resolve("mount");
        events(1);
        checkpoint();
        assertThrows(IOException.class, () -> new CheckpointLog(dir).deliver(gone));
        checkpoint();
        Files.createDirectory(gone);
        assertEquals(2, new CheckpointLog(dir).deliver(gone));
        assertEquals(0, new CheckpointLog(dir).deliver(gone));
        assertEquals(Files.readAllLines(dir.resolve("checkpoints-2026-12-01.log")), Files.readAllLines(gone.resolve("checkpoints-2026-12-01.log")));
    }

    @Test
    void twoNodesSharingTheDirectoryWriteOneSequence() throws Exception {
        CheckpointLog a = new CheckpointLog(dir);
        CheckpointLog b = new CheckpointLog(dir);
        for (int i = 0; i < 4; i++) {
            events(1);
            clock.advance(1);
            (i % 2 == 0 ? a : b).write(clock.instant(), i % 2 == 0 ? "node-a" : "node-b", 300, key, null);
        }
        List<Long> seqs = a.lines(null).stream().map(l -> Checkpoint.parse(l).seq()).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs);
        assertEquals(List.of(), verify());
    }

    @Test
    void aGeneratedKeyIsKeptPrivateAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("secrets").resolve("audit-signing.key");
        SigningKey generated = SigningKey.resolve(Optional.empty(), Optional.empty(), file);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKey again = SigningKey.resolve(Optional.empty(), Optional.empty(), file);
        assertEquals(generated.fingerprint(), again.fingerprint());
        assertTrue(SigningKey.verifies(again.publicKey(), "x", generated.sign("x")));
    }

    /** Changes lines from index {@code from} on and chains them again, as someone with write access would. */
    void rewriteFrom(int from) throws IOException {
        List<String> lines = Files.readAllLines(uploadLog());
        List<String> out = new ArrayList<>(lines.subList(0, from));
        String prev = AuditLine.parse(lines.get(from - 1)).get("hash");
        for (String l : lines.subList(from, lines.size())) {
            Map<String, String> fields = new LinkedHashMap<>(AuditLine.parse(l));
            fields.remove("prev");
            fields.remove("hash");
            fields.put("outcome", "failure");
            AuditLine.Chained c = AuditLine.chain(fields, prev);
            out.add(c.line());
            prev = c.hash();
        }
        Files.write(uploadLog(), out);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
