package com.pulsevault.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks an audit directory against its signed checkpoints, with the public key an auditor trusts (and
 * optionally a witness's copy of the checkpoints), and names every finding with its file and line:
 * <ul>
 *   <li>each chain's own breaks ({@link AuditVerifier}: an edited line is {@code hash-mismatch});</li>
 *   <li>{@code rewritten}: a chain that verifies on its own but disagrees with a signed checkpoint (lines
 *       rewritten and rehashed);</li>
 *   <li>{@code tail-cut}: a chain file with fewer lines than a checkpoint recorded;</li>
 *   <li>{@code missing-day}: a file a checkpoint recorded is gone;</li>
 *   <li>{@code checkpoints-rolled-back}: the witness holds checkpoints the vault's own log no longer has,
 *       or holds others ({@code checkpoint-mismatch});</li>
 *   <li>{@code forged-checkpoint}: a checkpoint without a valid signature of a trusted key, or whose content
 *       does not match its hash; {@code broken-checkpoint-chain}: one removed or moved;</li>
 *   <li>{@code checkpoint-gap} (a warning): more than twice the interval between two checkpoints, or, on the
 *       live directory, since the last one; {@code no-checkpoints} (a warning): chains but no checkpoint.</li>
 * </ul>
 * A key change is trusted when the first checkpoint under the new key names the old key and carries a
 * valid signature of both; the old public key is read from the file beside the checkpoints.
 */
public final class CheckpointVerifier {

    public enum Severity { BREAK, WARNING }

    public record Finding(String kind, Severity severity, String file, long line, String message) {
        @Override
        public String toString() {
            return severity + " " + kind + " " + file + (line > 0 ? ":" + line : "") + " " + message;
        }
    }

    private final Path dir;

    public CheckpointVerifier(Path dir) {
        this.dir = dir;
    }

    /** Every chain's own first break, then {@link #checkpoints}. */
    public List<Finding> verify(PublicKey trusted, Optional<Path> witness) throws IOException {
        return verify(trusted, witness, null);
    }

    /** @param live see {@link #checkpoints(PublicKey, Optional, java.time.Instant)} */
    public List<Finding> verify(PublicKey trusted, Optional<Path> witness, java.time.Instant live) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (AuditCategory c : AuditCategory.values()) {
            VerificationReport r = new AuditVerifier(dir).verify(c, new DayRange(null, null));
            if (r.problem() != null) {
                findings.add(new Finding(r.problem().kind(), Severity.BREAK, r.problem().file(), r.problem().line(), r.problem().message()));
            }
        }
        findings.addAll(checkpoints(trusted, witness, live));
        return findings;
    }

    /** What the checkpoints say about the chains, the checkpoints themselves and the witness's copy. */
    public List<Finding> checkpoints(PublicKey trusted, Optional<Path> witness) throws IOException {
        return checkpoints(trusted, witness, null);
    }

    /**
     * @param live the time now, when checking the live directory: a last checkpoint older than twice its
     *             interval is then a warning too (the newest checkpoints removed with the lines they covered)
     */
    public List<Finding> checkpoints(PublicKey trusted, Optional<Path> witness, java.time.Instant live) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Located> checkpoints = read(dir, findings);
        Map<String, PublicKey> keys = new HashMap<>();
        Map<String, Long> retiredAt = new HashMap<>();
        trustedKeys(trusted, checkpoints, keys, retiredAt);
        Map<String, List<String>> files = new HashMap<>(); // each chain file read once for all checkpoints
        String prevHash = AuditLine.GENESIS;
        Located previous = null;
        for (Located l : checkpoints) {
            Checkpoint c = l.checkpoint;
            if (!c.prev().equals(prevHash)) {
                findings.add(new Finding("broken-checkpoint-chain", Severity.BREAK, l.file, l.line,
                        "checkpoint " + c.seq() + " does not link to the one before it: checkpoints were removed or moved"));
            }
            // a retired key is trusted only for checkpoints before the one that retired it: whoever still has it
            // must not be able to sign checkpoints after the rotation
            PublicKey key = c.seq() < retiredAt.getOrDefault(c.keyId(), Long.MAX_VALUE) ? keys.get(c.keyId()) : null;
            if (!c.expectedHash().equals(c.hash()) || key == null || !SigningKey.verifies(key, c.hash(), c.sig())) {
                findings.add(new Finding("forged-checkpoint", Severity.BREAK, l.file, l.line, key == null
                        ? "checkpoint " + c.seq() + " is signed by a key the auditor's key does not vouch for (" + c.keyId() + ")"
                        : "checkpoint " + c.seq() + " is not validly signed, or was changed after it was signed"));
            } else {
                compareChains(c, l, findings, files);
            }
            if (previous != null && Duration.between(previous.checkpoint.time(), c.time()).getSeconds() > 2 * previous.checkpoint.interval()) {
                findings.add(new Finding("checkpoint-gap", Severity.WARNING, l.file, l.line, "no checkpoint between "
                        + previous.checkpoint.time() + " and " + c.time() + " (more than twice the interval of "
                        + previous.checkpoint.interval() + " s): the vault was stopped, or checkpoints were removed"));
            }
            prevHash = c.hash();
            previous = l;
        }
        if (!checkpoints.isEmpty()) {
            firstLinesBefore(checkpoints.get(0), findings);
        }
        if (checkpoints.isEmpty() && !CheckpointLog.states(dir).isEmpty()) {
            findings.add(new Finding("no-checkpoints", Severity.WARNING, CheckpointLog.PREFIX + "*.log", 0,
                    "the chains have lines but there is no checkpoint: a trail from before checkpoints, or the checkpoint log was removed"));
        }
        if (live != null && previous != null
                && Duration.between(previous.checkpoint.time(), live).getSeconds() > 2 * previous.checkpoint.interval()) {
            findings.add(new Finding("checkpoint-gap", Severity.WARNING, previous.file, previous.line, "the last checkpoint is of "
                    + previous.checkpoint.time() + ", more than twice the interval ago: the newest checkpoints (and what they"
                    + " covered) may have been removed, or checkpoints stopped"));
        }
        if (witness.isPresent()) {
            compareWitness(checkpoints, read(witness.get(), new ArrayList<>()), findings);
        }
        return findings;
    }

    private record Located(Checkpoint checkpoint, String file, long line, String text) {
    }

    private static List<Located> read(Path dir, List<Finding> findings) throws IOException {
        List<Located> out = new ArrayList<>();
        for (Path f : CheckpointLog.days(dir).values()) {
            List<String> lines = CheckpointLog.completeLines(f);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    out.add(new Located(Checkpoint.parse(lines.get(i)), f.getFileName().toString(), i + 1, lines.get(i)));
                } catch (IllegalArgumentException e) {
                    findings.add(new Finding("forged-checkpoint", Severity.BREAK, f.getFileName().toString(), i + 1, "not a checkpoint line"));
                }
            }
        }
        return out;
    }

    /** The trusted key, and each older key a trusted key vouched for at a key change (newest first). */
    private void trustedKeys(PublicKey trusted, List<Located> checkpoints, Map<String, PublicKey> keys, Map<String, Long> retiredAt) {
        keys.put(SigningKey.fingerprint(trusted), trusted);
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            Checkpoint c = checkpoints.get(i).checkpoint;
            PublicKey signer = keys.get(c.keyId());
            if (c.previousKeyId() == null || signer == null || keys.containsKey(c.previousKeyId())
                    || !c.expectedHash().equals(c.hash()) || !SigningKey.verifies(signer, c.hash(), c.sig())) {
                continue;
            }
            try {
                PublicKey old = SigningKey.readPublicKey(CheckpointKeys.publicKeyFile(dir, c.previousKeyId()));
                if (SigningKey.fingerprint(old).equals(c.previousKeyId()) && SigningKey.verifies(old, c.hash(), c.previousSig())) {
                    keys.put(c.previousKeyId(), old);
                    retiredAt.put(c.previousKeyId(), c.seq());
                }
            } catch (IOException missing) {
                // the old key is not beside the checkpoints: its checkpoints are reported as not vouched for
            }
        }
    }

    /**
     * Chain lines older than the first checkpoint by more than its interval: a trail from before checkpoints
     * existed (once, after an upgrade), or a checkpoint log deleted and begun again over rewritten chains.
     */
    private void firstLinesBefore(Located first, List<Finding> findings) throws IOException {
        for (AuditCategory category : AuditCategory.values()) {
            Map.Entry<java.time.LocalDate, Path> oldest = AuditFiles.days(dir, category).firstEntry();
            if (oldest == null) {
                continue;
            }
            Optional<String> line = CheckpointLog.completeLines(oldest.getValue()).stream().findFirst();
            try {
                java.time.Instant t = java.time.Instant.parse(AuditLine.parseObject(line.orElse("{\"time\":null}")).get("time"));
                if (Duration.between(t, first.checkpoint.time()).getSeconds() > first.checkpoint.interval()) {
                    findings.add(new Finding("lines-before-first-checkpoint", Severity.WARNING, oldest.getValue().getFileName().toString(), 1,
                            "the " + category.fileName() + " chain begins at " + t + ", before the first checkpoint (" + first.checkpoint.time()
                            + "): lines up to then are covered by the hash chain alone (a trail from before checkpoints, or a checkpoint log begun again)"));
                }
            } catch (RuntimeException unreadable) {
                // the chain's own verification reports an unreadable line
            }
        }
    }

    private void compareChains(Checkpoint c, Located at, List<Finding> findings, Map<String, List<String>> files) throws IOException {
        for (Checkpoint.ChainState s : c.chains()) {
            Path file = dir.resolve(s.file());
            if (!s.file().matches("[a-z]+-\\d{4}-\\d{2}-\\d{2}\\.log") || !Files.exists(file)) {
                findings.add(new Finding("missing-day", Severity.BREAK, s.file(), 0, "checkpoint " + c.seq() + " (" + at.file
                        + " line " + at.line + ") recorded " + s.lines() + " lines in this file; it is gone"));
                continue;
            }
            List<String> lines = files.get(s.file());
            if (lines == null) {
                lines = CheckpointLog.completeLines(file);
                files.put(s.file(), lines);
            }
            if (lines.size() < s.lines()) {
                findings.add(new Finding("tail-cut", Severity.BREAK, s.file(), lines.size() + 1L, "checkpoint " + c.seq()
                        + " recorded " + s.lines() + " lines; " + (s.lines() - lines.size()) + " after line " + lines.size() + " are gone"));
                continue;
            }
            String hash;
            try {
                hash = AuditLine.parseObject(lines.get((int) s.lines() - 1)).get("hash");
            } catch (IllegalArgumentException e) {
                hash = null;
            }
            if (!s.lastHash().equals(hash)) {
                findings.add(new Finding("rewritten", Severity.BREAK, s.file(), s.lines(), "line " + s.lines()
                        + " is not the line checkpoint " + c.seq() + " signed: the chain up to here was rewritten"));
            }
        }
    }

    private static void compareWitness(List<Located> ours, List<Located> theirs, List<Finding> findings) {
        Map<Long, Located> bySeq = new TreeMap<>();
        ours.forEach(l -> bySeq.put(l.checkpoint.seq(), l));
        long ourLast = ours.isEmpty() ? 0 : ours.get(ours.size() - 1).checkpoint.seq();
        for (Located w : theirs) {
            Located mine = bySeq.get(w.checkpoint.seq());
            if (mine == null && w.checkpoint.seq() > ourLast) {
                findings.add(new Finding("checkpoints-rolled-back", Severity.BREAK, w.file, w.line, "the witness holds checkpoint "
                        + w.checkpoint.seq() + " of " + w.checkpoint.time() + "; the vault's own log ends at checkpoint " + ourLast));
                return;
            }
            if (mine != null && !mine.text.equals(w.text)) {
                findings.add(new Finding("checkpoint-mismatch", Severity.BREAK, mine.file, mine.line, "checkpoint "
                        + w.checkpoint.seq() + " differs from the witness's copy (" + w.file + " line " + w.line + ")"));
            }
        }
    }
}
