package com.pulsevault.upload;

import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploads as plain files: {@code <dir>/<id>} holds the bytes (its length is the offset) and
 * {@code <dir>/<id>.info} the rest. Every step that a client is told about is fsync'd first.
 */
public class DiskUploadStore implements UploadStore {

    private static final Logger LOG = Logger.getLogger(DiskUploadStore.class.getName());

    private final Path dir;
    private final long maxSize;
    private final Duration expiry;
    private final Clock clock;
    private final ChunkWriter writer;
    final UploadLocks locks;
    private final RunningDigests digests = new RunningDigests();
    private final UploadSweep sweep;

    /** @param flusher runs background fsyncs and hashing while a request is still receiving */
    public DiskUploadStore(Path dir, long maxSize, Duration expiry, Clock clock, Executor flusher) {
        this.dir = dir;
        this.maxSize = maxSize;
        this.expiry = expiry;
        this.clock = clock;
        this.writer = new ChunkWriter(flusher);
        this.locks = new UploadLocks(this::lockFile);
        this.sweep = new UploadSweep(this, dir, expiry);
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public UploadInfo create(Long length, UploadMetadata metadata, String owner) {
        if (length != null && length < 0) {
            throw new InvalidUploadException("Upload-Length must not be negative");
        }
        if (length != null && length > maxSize) {
            throw new UploadTooLargeException("Upload-Length exceeds Tus-Max-Size " + maxSize);
        }
        Instant now = clock.instant();
        UploadInfo info = new UploadInfo(UploadId.random(), length, 0, metadata.raw(), now, now.plus(expiry),
                null, null, null, owner);
        try {
            Files.createFile(dataFile(info.id()));
            DurableFiles.writeAtomically(infoFile(info.id()), UploadInfoCodec.encode(info)); // fsyncs the directory too
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return info;
    }

    @Override
    public UploadInfo get(UploadId id) {
        UploadInfo info = read(id);
        if (info.isFinalized()) {
            throw new UploadNotFoundException();
        }
        if (info.isExpired(clock.instant())) {
            throw new UploadExpiredException();
        }
        return info;
    }

    @Override
    public String ownerOf(UploadId id) {
        return read(id).owner();
    }

    @Override
    public UploadInfo append(UploadId id, AppendRequest request) {
        try (UploadLocks.Held ignored = lock(id)) {
            UploadInfo info = get(id);
            if (request.declaredLength() != null) {
                info = declareLength(info, request.declaredLength());
            }
            if (request.offset() != info.offset()) {
                throw new OffsetMismatchException(info.offset(), request.offset());
            }
            long room = (info.length() != null ? info.length() : maxSize) - info.offset();
            if (request.contentLength() > room) {
                throw new UploadTooLargeException("the body would take the upload past "
                        + (info.length() != null ? "its Upload-Length" : "Tus-Max-Size"));
            }
            RunningDigests.Running sha = digests.resume(id, dataFile(id), info.offset());
            long newOffset = writer.write(dataFile(id), info.offset(), room, request, sha);
            info = info.withOffset(newOffset);
            if (info.isComplete()) {
                info = info.withSha256(digests.resume(id, dataFile(id), newOffset).hex());
                writeInfo(info);
                digests.forget(id);
            }
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UploadInfo declareLength(UploadInfo info, long length) throws IOException {
        if (info.length() != null) {
            if (info.length() != length) {
                throw new InvalidUploadException("Upload-Length is already set and cannot change");
            }
            return info;
        }
        if (length < info.offset()) {
            throw new InvalidUploadException("Upload-Length is smaller than the bytes already received");
        }
        if (length > maxSize) {
            throw new UploadTooLargeException("Upload-Length exceeds Tus-Max-Size " + maxSize);
        }
        UploadInfo updated = info.withLength(length);
        writeInfo(updated);
        return updated;
    }

    @Override
    public void terminate(UploadId id) {
        try (UploadLocks.Held ignored = lock(id)) {
            get(id);
            delete(id);
        }
    }

    @Override
    public int removeExpired(Instant now) {
        return sweep.run(now);
    }

    /**
     * The upload's lock, for an upload that exists. An unknown id leaves nothing on disk: the lock file
     * is only created once the upload's {@code .info} is seen, and removed again if the upload vanished
     * (terminated by someone else) before the lock was taken.
     */
    UploadLocks.Held lock(UploadId id) {
        if (!Files.exists(infoFile(id))) {
            throw new UploadNotFoundException();
        }
        UploadLocks.Held held = locks.acquire(id);
        if (!Files.exists(infoFile(id))) {
            try {
                Files.deleteIfExists(lockFile(id));
            } catch (IOException ignored) {
                // the sweep removes it
            } finally {
                held.close();
            }
            throw new UploadNotFoundException();
        }
        return held;
    }

    @Override
    public Claim claim(UploadId id) {
        UploadLocks.Held held = lock(id);
        try {
            return new DiskClaim(id, read(id), held);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private final class DiskClaim implements Claim {
        private final UploadId id;
        private final UploadLocks.Held held;
        private UploadInfo info;

        DiskClaim(UploadId id, UploadInfo info, UploadLocks.Held held) {
            this.id = id;
            this.info = info;
            this.held = held;
        }

        @Override
        public UploadInfo info() {
            return info;
        }

        @Override
        public String sha256() {
            if (info.sha256() == null) {
                try {
                    info = info.withSha256(digests.resume(id, dataFile(id), info.offset()).hex());
                    writeInfo(info);
                    digests.forget(id);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return info.sha256();
        }

        @Override
        public UploadInfo recordVideo(String videoId, String originalFile) {
            info = info.claimedBy(videoId, originalFile);
            writeInfo(info);
            return info;
        }

        @Override
        public void moveContentTo(Path target) {
            Path data = dataFile(id);
            try {
                if (!Files.exists(data) && Files.exists(target)) {
                    return; // moved by an earlier attempt that did not get to answer
                }
                try {
                    Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException differentFileSystems) {
                    Path temp = target.resolveSibling("." + target.getFileName() + ".copy");
                    Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    Files.delete(data);
                }
                DurableFiles.fsyncDirectory(target.getParent());
                DurableFiles.fsyncDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            held.close();
        }
    }

    UploadInfo read(UploadId id) {
        try {
            byte[] bytes = Files.readAllBytes(infoFile(id));
            long offset;
            try {
                offset = Files.size(dataFile(id));
            } catch (NoSuchFileException finalizedOrTorn) {
                offset = 0;
            }
            UploadInfo info = UploadInfoCodec.decode(bytes, offset);
            if (!info.isFinalized() && !Files.exists(dataFile(id))) {
                throw new UploadNotFoundException();
            }
            if (info.isFinalized() && info.length() != null) {
                info = info.withOffset(info.length());
            }
            return info;
        } catch (NoSuchFileException e) {
            throw new UploadNotFoundException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeInfo(UploadInfo info) {
        try {
            DurableFiles.writeAtomically(infoFile(info.id()), UploadInfoCodec.encode(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(UploadId id) {
        try {
            Files.deleteIfExists(dataFile(id));
            Files.deleteIfExists(infoFile(id));
            // deleted while held: whoever opens the old lock file next finds the upload gone
            Files.deleteIfExists(lockFile(id));
            DurableFiles.fsyncDirectory(dir);
            digests.forget(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dataFile(UploadId id) {
        return dir.resolve(id.value());
    }

    Path lockFile(UploadId id) {
        return dir.resolve(id.value() + ".lock");
    }

    Path infoFile(UploadId id) {
        return dir.resolve(id.value() + ".info");
    }
}
