package com.pulsevault.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background clean-up of a {@link DiskUploadStore}: expired uploads, and files left without their
 * upload. It looks before it locks, so a live upload's PATCH never meets the sweep's lock.
 */
final class UploadSweep {

    private static final Logger LOG = Logger.getLogger(UploadSweep.class.getName());

    private final DiskUploadStore store;
    private final Path dir;
    private final Duration expiry;

    UploadSweep(DiskUploadStore store, Path dir, Duration expiry) {
        this.store = store;
        this.dir = dir;
        this.expiry = expiry;
    }

    int run(Instant now) {
        int removed = 0;
        for (UploadId id : idsOf("*.info", ".info")) {
            if (removeIfExpired(id, now)) {
                removed++;
            }
        }
        removeOrphans(now);
        return removed;
    }

    /**
     * Files left without their upload: a {@code .lock} whose upload was removed (or never existed), an
     * {@code .info} whose data file is gone without a finalize, and a data file whose creation never
     * reached its {@code .info} (only once it is older than the upload expiry, so a create in progress is left alone).
     */
    private void removeOrphans(Instant now) {
        for (UploadId id : idsOf("*.lock", ".lock")) {
            if (!Files.exists(store.infoFile(id))) {
                removeLockedIfOrphan(id);
            }
        }
        for (UploadId id : idsOf("*.info", ".info")) {
            if (!Files.exists(store.dataFile(id))) {
                removeLockedIfOrphan(id);
            }
        }
        for (UploadId id : idsOf("*", "")) {
            try {
                if (!Files.exists(store.infoFile(id))
                        && Files.getLastModifiedTime(store.dataFile(id)).toInstant().plus(expiry).isBefore(now)) {
                    removeLockedIfOrphan(id);
                }
            } catch (IOException goneMeanwhile) {
                // nothing to remove
            }
        }
    }

    private void removeLockedIfOrphan(UploadId id) {
        try (UploadLocks.Held ignored = store.locks.acquire(id)) {
            boolean info = Files.exists(store.infoFile(id));
            boolean data = Files.exists(store.dataFile(id));
            if (info && (data || finalizedOnDisk(id))) {
                return; // a whole upload, or a finalized one kept for a repeated finalize
            }
            LOG.info("removing the leftovers of upload " + id);
            store.delete(id);
        } catch (UploadLockedException | UploadNotFoundException busyOrGone) {
            // someone is working on it right now; the next sweep looks again
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove the leftovers of upload " + id, e);
        }
    }

    private boolean finalizedOnDisk(UploadId id) {
        try {
            return UploadInfoCodec.decode(Files.readAllBytes(store.infoFile(id)), 0).isFinalized();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Upload ids of the files in the directory named {@code <id><suffix>}; other files are not ours. */
    private java.util.List<UploadId> idsOf(String glob, String suffix) {
        java.util.List<UploadId> ids = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.endsWith(suffix)) {
                    continue;
                }
                try {
                    ids.add(UploadId.parse(name.substring(0, name.length() - suffix.length())));
                } catch (UploadNotFoundException notOurs) {
                    // not an upload's file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private boolean removeIfExpired(UploadId id, Instant now) {
        // look before locking: even a brief hold of a live upload's lock turns a PATCH arriving then into a 423
        try {
            if (!now.isAfter(store.read(id).expiresAt())) {
                return false;
            }
        } catch (UploadNotFoundException gone) {
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read upload " + id + " to expire it", e);
            return false;
        }
        try (UploadLocks.Held ignored = store.lock(id)) {
            UploadInfo info = store.read(id);
            // a finalized upload leaves its .info behind so a repeated finalize answers the same; it ages out too
            if (info.isFinalized() && Files.exists(store.dataFile(id))) {
                LOG.warning("upload " + id + " was claimed by video " + info.videoId()
                        + " but never moved: left for a repeated finalize to complete");
                return false;
            }
            if (now.isAfter(info.expiresAt())) {
                store.delete(id);
                return true;
            }
        } catch (UploadLockedException | UploadNotFoundException busyOrGone) {
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not expire upload " + id, e);
        }
        return false;
    }
}
