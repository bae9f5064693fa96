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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Appends hash-chained lines, one chain per category, one file per UTC day; the first line of a day
 * names the previous day's file ({@code prevDay}) and links to its last hash. An append is on disk
 * (fsync) before it returns. Appends are serialised per category by a lock in this JVM and an OS
 * lock on {@code <category>.lock}, so nodes sharing the media root extend one chain, in order;
 * concurrent appends are written together (group commit).
 */
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());

    private final Path dir;
    private final Clock clock;
    private final Map<AuditCategory, Object> monitors = new EnumMap<>(AuditCategory.class);
    private final Map<AuditCategory, Queue<Pending>> queues = new EnumMap<>(AuditCategory.class);

    public AuditChain(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        for (AuditCategory c : AuditCategory.values()) {
            monitors.put(c, new Object());
            queues.put(c, new ConcurrentLinkedQueue<>());
        }
    }

    /**
     * Appends one line; returns its hash once it is on disk. Appends wait for each other in a group
     * commit: whoever holds the category's lock writes every line queued so far with one write and one
     * fsync, so concurrent requests share a disk flush instead of queueing for one each.
     */
    public String append(AuditCategory category, AuditEntry entry) {
        Pending mine = new Pending(entry, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        queues.get(category).add(mine);
        synchronized (monitors.get(category)) {
            if (!mine.done) {
                flush(category);
            }
        }
        if (mine.failure != null) {
            throw new UncheckedIOException("audit append failed", mine.failure);
        }
        return mine.hash;
    }

    /** One queued append; written (or failed) when {@code done}, read under the category's monitor. */
    private static final class Pending {
        final AuditEntry entry;
        final Instant time;
        boolean done;
        String hash;
        IOException failure;

        Pending(AuditEntry entry, Instant time) {
            this.entry = entry;
            this.time = time;
        }
    }

    private void flush(AuditCategory category) {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; (p = queues.get(category).poll()) != null; ) {
            batch.add(p);
        }
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(category.fileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            appendLocked(category, batch);
        } catch (IOException e) {
            batch.forEach(p -> p.failure = e);
        } finally {
            batch.forEach(p -> p.done = true);
        }
    }

    /** Chains the batch onto the file(s) of its day(s); each file is written once and fsync'd once. */
    private void appendLocked(AuditCategory category, List<Pending> batch) throws IOException {
        Path file = null;
        boolean created = false;
        String prev = null;
        StringBuilder lines = new StringBuilder();
        for (Pending p : batch) {
            LocalDate day = LocalDate.ofInstant(p.time, ZoneOffset.UTC);
            Map<String, String> fields = fields(p.entry, p.time, category);
            Path target = AuditFiles.file(dir, category, day);
            if (!target.equals(file)) {
                write(file, lines, created);
                file = target;
                repairTornTail(file);
                created = !Files.exists(file);
                Optional<String> last = created ? Optional.empty() : AuditFiles.lastLine(file);
                if (last.isPresent()) {
                    prev = AuditLine.parse(last.get()).get("hash");
                } else {
                    // the first line of a day names the day before and links to its last line
                    Entry<LocalDate, Path> before = AuditFiles.days(dir, category).lowerEntry(day);
                    prev = AuditLine.GENESIS;
                    if (before != null) {
                        fields.put("prevDay", before.getKey().toString());
                        prev = AuditFiles.lastLine(before.getValue())
                                .map(l -> AuditLine.parse(l).get("hash"))
                                .orElse(AuditLine.GENESIS);
                    }
                }
            }
            AuditLine.Chained chained = AuditLine.chain(fields, prev);
            lines.append(chained.line()).append('\n');
            prev = chained.hash();
            p.hash = chained.hash();
        }
        write(file, lines, created);
    }

    private void write(Path file, StringBuilder lines, boolean created) throws IOException {
        if (file == null || lines.length() == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        if (created) {
            com.pulsevault.storage.DurableFiles.fsyncDirectory(dir);
        }
        lines.setLength(0);
    }

    /**
     * A line without its newline is a write that never completed (the process died mid-append, so no
     * request was answered): cut it off so the chain continues from the last whole line.
     */
    static void repairTornTail(Path file) throws IOException {
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
        f.put("app", e.app());
        f.put("onBehalfOf", e.onBehalfOf());
        return f;
    }
}
