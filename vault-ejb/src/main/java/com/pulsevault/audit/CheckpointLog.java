package com.pulsevault.audit;

import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes checkpoints of the audit chains in {@code dir} and reads them back. A checkpoint is written under
 * an OS lock on {@code checkpoints.lock}, so nodes sharing the media root extend one checkpoint chain in
 * order (each takes the last checkpoint's seq and hash under the lock). The line is on disk (fsync) before
 * {@link #write} returns.
 */
public final class CheckpointLog {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CheckpointLog.class.getName());

    static final String PREFIX = "checkpoints-";

    private final Path dir;

    public CheckpointLog(Path dir) {
        this.dir = dir;
    }

    /** Writes the next checkpoint of every chain, signed by {@code key} (and {@code previous} when the key changed since the last one). */
    public Checkpoint write(Instant now, String node, long interval, SigningKey key, SigningKey previous) throws IOException {
        return write(now, node, interval, key, previous, null);
    }

    /**
     * @param known the last checkpoint this process wrote, or null: should the log on disk end before it
     *              (checkpoints removed while the vault runs), the new one still links to it, so the removal
     *              shows as a broken checkpoint chain instead of a clean new start
     */
    public Checkpoint write(Instant now, String node, long interval, SigningKey key, SigningKey previous, Checkpoint known) throws IOException {
        return locked(() -> {
            Optional<Checkpoint> last = last(dir);
            if (known != null && (last.isEmpty() || last.get().seq() < known.seq())) {
                LOG.severe("The audit checkpoint log ends before checkpoint " + known.seq() + ", which this node wrote:"
                        + " checkpoints were removed. The next one links to the removed one, so verifiers report it");
                last = Optional.of(known);
            }
            String lastKey = last.map(Checkpoint::keyId).orElse(null);
            boolean rotated = lastKey != null && !lastKey.equals(key.fingerprint());
            SigningKey endorsing = rotated && previous != null && previous.fingerprint().equals(lastKey) ? previous : null;
            if (rotated && endorsing == null) {
                LOG.warning("The audit signing key changed from " + lastKey + " to " + key.fingerprint() + " without the old key"
                        + " (pulsevault.audit.previous-signing-key): verifiers holding only the new public key will not trust the"
                        + " checkpoints before this one");
            }
            Checkpoint draft = Checkpoint.draft(last.map(c -> c.seq() + 1).orElse(1L), now, node, interval, states(dir),
                    key.fingerprint(), rotated ? lastKey : null);
            Checkpoint sealed = draft.sealed(last.map(Checkpoint::hash).orElse(AuditLine.GENESIS), key, endorsing);
            // never a day before the last checkpoint's: a node whose clock is behind must not fork the log at midnight
            LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate lastDay = last.map(c -> LocalDate.ofInstant(c.time(), ZoneOffset.UTC)).orElse(day);
            append(file(dir, day.isBefore(lastDay) ? lastDay : day), sealed.line() + "\n");
            return sealed;
        });
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    /** One writer at a time: across nodes by an OS lock, in this JVM by a monitor (a second FileLock from one JVM is refused). */
    private <T> T locked(Work<T> work) throws IOException {
        synchronized (CheckpointLog.class) {
            try (FileChannel lockChannel = FileChannel.open(dir.resolve("checkpoints.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                return work.run();
            }
        }
    }

    /** Where each chain stands now: its newest file, its complete lines, the last one's hash. */
    static List<Checkpoint.ChainState> states(Path dir) throws IOException {
        List<Checkpoint.ChainState> states = new ArrayList<>();
        for (AuditCategory c : AuditCategory.values()) {
            Map.Entry<LocalDate, Path> newest = AuditFiles.days(dir, c).lastEntry();
            if (newest == null) {
                continue;
            }
            // a line the chain has written but not yet fsync'd must not be signed: it could still be lost
            try (FileChannel ch = FileChannel.open(newest.getValue(), StandardOpenOption.READ)) {
                ch.force(false);
            }
            List<String> lines = completeLines(newest.getValue());
            if (lines.isEmpty()) {
                continue;
            }
            String hash = AuditLine.parseObject(lines.get(lines.size() - 1)).get("hash");
            states.add(new Checkpoint.ChainState(c, newest.getValue().getFileName().toString(), lines.size(), hash));
        }
        return states;
    }

    /** The lines that end in a newline (a torn last write is not one). */
    static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline: "" or a torn line
        return lines;
    }

    static Path file(Path dir, LocalDate day) {
        return dir.resolve(PREFIX + day + ".log");
    }

    /** Every checkpoint file of {@code dir}, oldest first. */
    static TreeMap<LocalDate, Path> days(Path dir) throws IOException {
        TreeMap<LocalDate, Path> days = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return days;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.log")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    days.put(LocalDate.parse(name.substring(PREFIX.length(), name.length() - 4)), f);
                } catch (DateTimeParseException other) {
                    // not a checkpoint file
                }
            }
        }
        return days;
    }

    static Optional<Checkpoint> last(Path dir) throws IOException {
        for (Path f : days(dir).descendingMap().values()) {
            AuditChain.repairTornTail(f); // a write cut off by a crash or a full disk: the next line starts clean
            Optional<String> line = AuditFiles.lastLine(f);
            if (line.isPresent()) {
                return Optional.of(Checkpoint.parse(line.get()));
            }
        }
        return Optional.empty();
    }

    /** The checkpoint lines of the days from {@code from} on (null: all), as written. */
    public List<String> lines(LocalDate from) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Path> day : days(dir).entrySet()) {
            if (from == null || !day.getKey().isBefore(from)) {
                out.addAll(completeLines(day.getValue()));
            }
        }
        return out;
    }

    /** Appends whole lines and fsyncs them (and the directory, for a new file). */
    static void append(Path file, String lines) throws IOException {
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        if (created) {
            DurableFiles.fsyncDirectory(file.getParent());
        }
    }

    /**
     * Copies to {@code witness} every checkpoint line it does not have yet (a witness that was unreachable
     * catches up), day file by day file, each copy on disk before this returns.
     *
     * @return how many lines were delivered
     * @throws IOException when the witness cannot be written: the lines are delivered at a later call
     */
    public int deliver(Path witness) throws IOException {
        if (!Files.isDirectory(witness)) {
            throw new IOException("the witness directory " + witness + " is not there");
        }
        return locked(() -> deliverLocked(witness)); // nodes (and the timer and an operator) must not append the same lines twice
    }

    private int deliverLocked(Path witness) throws IOException {
        int delivered = 0;
        for (Map.Entry<LocalDate, Path> day : days(dir).entrySet()) {
            List<String> ours = completeLines(day.getValue());
            Path theirs = file(witness, day.getKey());
            if (Files.exists(theirs)) {
                AuditChain.repairTornTail(theirs);
            }
            int have = Files.exists(theirs) ? completeLines(theirs).size() : 0;
            if (have >= ours.size()) {
                continue;
            }
            StringBuilder missing = new StringBuilder();
            for (String l : ours.subList(have, ours.size())) {
                missing.append(l).append('\n');
            }
            append(theirs, missing.toString());
            delivered += ours.size() - have;
        }
        return delivered;
    }
}
