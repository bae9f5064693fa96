package com.pulsevault.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Appends hash-chained lines, one chain per category, one file per UTC day; the first line of a day
 * names the previous day's file ({@code prevDay}) and links to its last hash. An append is on disk
 * (fsync) before it returns. Appends are serialised per category by a lock in this JVM and an OS
 * lock on {@code <category>.lock}, so nodes sharing the media root extend one chain, in order.
 */
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());

    private final Path dir;
    private final Clock clock;
    private final Map<AuditCategory, Object> monitors = new EnumMap<>(AuditCategory.class);

    public AuditChain(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        for (AuditCategory c : AuditCategory.values()) {
            monitors.put(c, new Object());
        }
    }

    /** @return the new line's hash */
    public String append(AuditCategory category, AuditEntry entry) {
        synchronized (monitors.get(category)) {
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(category.fileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                return appendLocked(category, entry);
            } catch (IOException e) {
                throw new UncheckedIOException("audit append failed", e);
            }
        }
    }

    private String appendLocked(AuditCategory category, AuditEntry entry) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Path file = AuditFiles.file(dir, category, today);
        Map<String, String> fields = fields(entry, now, category);
        String prev;
        repairTornTail(file);
        Optional<String> last = Files.exists(file) ? AuditFiles.lastLine(file) : Optional.empty();
        if (last.isPresent()) {
            prev = AuditLine.parse(last.get()).get("hash");
        } else {
            Entry<LocalDate, Path> before = AuditFiles.days(dir, category).lowerEntry(today);
            prev = AuditLine.GENESIS;
            if (before != null) {
                fields.put("prevDay", before.getKey().toString());
                prev = AuditFiles.lastLine(before.getValue())
                        .map(l -> AuditLine.parse(l).get("hash"))
                        .orElse(AuditLine.GENESIS);
            }
        }
        AuditLine.Chained chained = AuditLine.chain(fields, prev);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap((chained.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        if (created) {
            com.pulsevault.storage.DurableFiles.fsyncDirectory(dir);
        }
        return chained.hash();
    }

    /**
     * A line without its newline is a write that never completed (the process died mid-append, so no
     * request was answered): cut it off so the chain continues from the last whole line.
     */
    private void repairTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                return;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return;
            }
            long keep = size - 1;
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            LOG.warning("audit file " + file.getFileName() + " ended in an incomplete line (" + (size - keep)
                    + " bytes); cut it off before appending");
            ch.truncate(keep);
            ch.force(true);
        }
    }

    private static Map<String, String> fields(AuditEntry e, Instant time, AuditCategory category) {
        Map<String, String> f = new HashMap<>();
        f.put("time", time.toString());
        f.put("category", category.fileName());
        f.put("action", e.action());
        f.put("videoId", e.videoId());
        f.put("uploadId", e.uploadId());
        f.put("actor", e.actor());
        f.put("client", e.client());
        f.put("outcome", e.outcome());
        f.put("detail", e.detail());
        return f;
    }
}
