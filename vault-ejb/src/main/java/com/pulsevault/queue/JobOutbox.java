package com.pulsevault.queue;

import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Jobs are written here (durably) before anyone tries Redis, and removed only once Redis has them,
 * so a job survives a Redis outage and a server crash. At-least-once: a crash between the push and
 * the removal pushes the job again, which the worker's idempotence absorbs.
 */
public class JobOutbox {

    private final Path dir;

    public JobOutbox(Path dir) {
        this.dir = dir;
    }

    public void record(TranscodeJob job) {
        // the name sorts by time, so jobs leave in the order they came
        String name = String.format("%020d-%s.json", job.enqueuedAt().toEpochMilli(), job.jobId());
        try {
            DurableFiles.writeAtomically(dir.resolve(name), job.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return pending().size();
    }

    /**
     * Hands each waiting job, oldest first, to {@code push}; a job leaves the outbox only when push
     * returns. Stops at the first failure (Redis is probably down) and reports how many were sent.
     * A per-file OS lock keeps two nodes from sending the same file at once.
     */
    public int drainTo(Push push) throws Exception {
        int sent = 0;
        for (Path file : pending()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = ch.tryLock()) {
                if (lock == null || !Files.exists(file)) {
                    continue; // another node has it, or already sent it
                }
                String json = Files.readString(file, StandardCharsets.UTF_8);
                push.send(TranscodeJob.fromJson(json));
                Files.delete(file);
                DurableFiles.fsyncDirectory(dir);
                sent++;
            } catch (NoSuchFileException goneMeanwhile) {
                // sent by another node between listing and opening
            }
        }
        return sent;
    }

    private List<Path> pending() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "[0-9]*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(files);
        return files;
    }

    @FunctionalInterface
    public interface Push {
        void send(TranscodeJob job) throws Exception;
    }
}
