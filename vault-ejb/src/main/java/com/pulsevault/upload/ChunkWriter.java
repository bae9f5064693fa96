package com.pulsevault.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Streams one request body into an upload's data file and makes it durable. Only bounded buffers are
 * used, so heap does not grow with the upload. The running SHA-256 always covers exactly the bytes
 * kept; a chunk with a checksum is kept whole and verified, or not at all.
 */
final class ChunkWriter {

    /** Bodies stream through two buffers this size per request. */
    static final int BUFFER_SIZE = 512 * 1024;
    /** How many bytes a request may write before their writeback to disk is started in the background. */
    static final long EARLY_FLUSH_BYTES = 8L * 1024 * 1024;

    private final Executor background;

    ChunkWriter(Executor background) {
        this.background = background;
    }

    /** Writes the body at {@code offset}; returns the new offset, on disk (fsync) when this returns. */
    long write(Path data, long offset, long room, AppendRequest request, RunningDigests.Running sha) throws IOException {
        RunningDigests.Snapshot beforeChunk = sha.snapshot();
        MessageDigest chunkDigest = request.checksum() == null ? null : request.checksum().algorithm().newDigest();
        BackgroundDigest hashing = new BackgroundDigest(sha, chunkDigest);
        // two buffers: one is hashed on another thread while the next is read and written
        byte[][] buffers = {new byte[BUFFER_SIZE], new byte[BUFFER_SIZE]};
        long written = 0;
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
            ch.position(offset);
            EarlyFlush early = new EarlyFlush(ch);
            try {
                int n;
                for (int i = 0; (n = readBody(request.body(), buffers[i])) >= 0; i ^= 1) {
                    if (written + n > room) {
                        hashing.await();
                        discard(ch, offset, sha, beforeChunk);
                        throw new UploadTooLargeException("the body would take the upload past its length");
                    }
                    ByteBuffer wrapped = ByteBuffer.wrap(buffers[i], 0, n);
                    while (wrapped.hasRemaining()) {
                        ch.write(wrapped);
                    }
                    hashing.update(buffers[i], n);
                    written += n;
                    early.wrote(n);
                }
                hashing.await();
            } catch (UploadInterruptedException e) {
                hashing.await();
                early.await();
                if (chunkDigest != null) {
                    // a chunk that did not arrive whole cannot be verified against its checksum
                    discard(ch, offset, sha, beforeChunk);
                } else {
                    ch.force(false); // keep exactly what arrived, durably, for the client to resume from
                }
                throw e;
            } catch (IOException e) {
                hashing.await();
                early.await();
                // the disk failed us: keep only what the running digest has seen
                ch.truncate(offset + written);
                ch.force(false);
                throw e;
            }
            early.await();
            if (chunkDigest != null && !MessageDigest.isEqual(chunkDigest.digest(), request.checksum().digest())) {
                discard(ch, offset, sha, beforeChunk);
                throw new ChecksumMismatchException();
            }
            ch.force(false);
        }
        return offset + written;
    }

    /**
     * Feeds written buffers to the running SHA-256 (and the chunk's checksum) on another thread, one
     * buffer at a time, so hashing overlaps with receiving the next buffer instead of following it.
     */
    private final class BackgroundDigest {
        private final RunningDigests.Running sha;
        private final MessageDigest chunk;
        private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

        BackgroundDigest(RunningDigests.Running sha, MessageDigest chunk) {
            this.sha = sha;
            this.chunk = chunk;
        }

        /** Waits for the previous buffer, so at most one is in flight and the caller may refill the other. */
        void update(byte[] buffer, int length) {
            pending.join();
            pending = CompletableFuture.runAsync(() -> {
                sha.update(buffer, length);
                if (chunk != null) {
                    chunk.update(buffer, 0, length);
                }
            }, background);
        }

        void await() {
            pending.join();
        }
    }

    /**
     * Starts writeback of what a request has written so far while it keeps receiving, so the fsync
     * that ends the request (and that the client waits for) only has the last few MiB left to flush.
     * Network and disk then work at the same time instead of one after the other.
     */
    private final class EarlyFlush {
        private final FileChannel channel;
        private long sinceLast;
        private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

        EarlyFlush(FileChannel channel) {
            this.channel = channel;
        }

        void wrote(long n) {
            sinceLast += n;
            if (sinceLast >= EARLY_FLUSH_BYTES && running.isDone()) {
                sinceLast = 0;
                running = CompletableFuture.runAsync(() -> {
                    try {
                        channel.force(false);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // the final force reports it again
                    }
                }, background);
            }
        }

        void await() {
            try {
                running.join();
            } catch (RuntimeException ignored) {
                // the caller's own force or truncate decides the outcome
            }
        }
    }

    private static int readBody(InputStream body, byte[] buf) {
        try {
            int total = 0;
            // fill the buffer so large chunks hit the disk in large writes
            while (total < buf.length) {
                int n = body.read(buf, total, buf.length - total);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UploadInterruptedException();
        }
    }

    private static void discard(FileChannel ch, long offset, RunningDigests.Running sha,
                                RunningDigests.Snapshot beforeChunk) throws IOException {
        ch.truncate(offset);
        ch.force(false);
        sha.restore(beforeChunk);
    }
}
