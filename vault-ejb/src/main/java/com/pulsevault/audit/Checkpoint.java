package com.pulsevault.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed statement of how far every audit chain had got: for each chain its current file, how many
 * lines it had and the hash of the last one. Checkpoints are a hash chain of their own, one line each in
 * {@code audit/checkpoints-YYYY-MM-DD.log}: {@code hash = SHA-256(prev ‖ canonical)}, and {@code sig} is the
 * Ed25519 signature of that hash by the key {@code keyId} names. The first checkpoint under a new key
 * names the old one ({@code previousKeyId}) and carries its signature too ({@code previousSig}).
 *
 * @param interval seconds until the next checkpoint is due (a verifier warns of a gap over twice this)
 */
public record Checkpoint(long seq, Instant time, String node, long interval, List<ChainState> chains,
                         String keyId, String previousKeyId, String prev, String hash, String sig, String previousSig) {

    /** Where one chain stood: its file, its number of lines, the hash of the last. */
    public record ChainState(AuditCategory category, String file, long lines, String lastHash) {
    }

    static final String[] SIGNED_FIELDS = {"seq", "time", "node", "interval", "chains", "keyId", "previousKeyId"};

    /** The checkpoint's content before it is chained and signed. */
    static Checkpoint draft(long seq, Instant time, String node, long interval, List<ChainState> chains, String keyId, String previousKeyId) {
        return new Checkpoint(seq, time, node, interval, List.copyOf(chains), keyId, previousKeyId, null, null, null, null);
    }

    String canonical() {
        Map<String, String> f = content();
        StringBuilder sb = new StringBuilder("{");
        for (String name : SIGNED_FIELDS) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(AuditLine.quote(name)).append(':').append(AuditLine.quote(f.get(name)));
        }
        return sb.append('}').toString();
    }

    private Map<String, String> content() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("seq", Long.toString(seq));
        f.put("time", time.toString());
        f.put("node", node);
        f.put("interval", Long.toString(interval));
        StringBuilder c = new StringBuilder();
        for (ChainState s : chains) {
            if (c.length() > 0) {
                c.append(' ');
            }
            c.append(s.category().fileName()).append(':').append(s.file()).append(':').append(s.lines()).append(':').append(s.lastHash());
        }
        f.put("chains", c.toString());
        f.put("keyId", keyId);
        f.put("previousKeyId", previousKeyId);
        return f;
    }

    /** Chained onto {@code prev} and signed by {@code key} (and by {@code previous}, at a key change). */
    Checkpoint sealed(String prevHash, SigningKey key, SigningKey previous) {
        String canonical = canonical();
        String h = AuditLine.hash(prevHash, canonical);
        return new Checkpoint(seq, time, node, interval, chains, keyId, previousKeyId, prevHash, h, key.sign(h),
                previous == null ? null : previous.sign(h));
    }

    /** The recomputed hash of this content on {@code prev}: equal to {@code hash} unless the line was edited. */
    String expectedHash() {
        return AuditLine.hash(prev, canonical());
    }

    String line() {
        String canonical = canonical();
        return canonical.substring(0, canonical.length() - 1) + ",\"prev\":" + AuditLine.quote(prev)
                + ",\"hash\":" + AuditLine.quote(hash) + ",\"sig\":" + AuditLine.quote(sig)
                + ",\"previousSig\":" + AuditLine.quote(previousSig) + "}";
    }

    /** @throws IllegalArgumentException when the line is not a checkpoint */
    static Checkpoint parse(String line) {
        Map<String, String> f = AuditLine.parseObject(line);
        try {
            List<ChainState> chains = new ArrayList<>();
            String c = f.get("chains");
            if (c != null && !c.isEmpty()) {
                for (String part : c.split(" ")) {
                    String[] p = part.split(":", 4);
                    chains.add(new ChainState(AuditCategory.of(p[0]), p[1], Long.parseLong(p[2]), p[3]));
                }
            }
            return new Checkpoint(Long.parseLong(f.get("seq")), Instant.parse(f.get("time")), f.get("node"),
                    Long.parseLong(f.get("interval")), chains, f.get("keyId"), f.get("previousKeyId"), f.get("prev"),
                    f.get("hash"), f.get("sig"), f.get("previousSig"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    public Optional<ChainState> state(AuditCategory category) {
        return chains.stream().filter(s -> s.category() == category).findFirst();
    }
}
