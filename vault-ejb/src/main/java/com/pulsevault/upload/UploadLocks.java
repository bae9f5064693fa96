package com.pulsevault.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One writer per upload, across threads and across server processes that share the media root.
 * The OS lock sits on a separate {@code <id>.lock} file that nothing else opens, because on Linux
 * closing any channel to a file drops this process's locks on it.
 */
final class UploadLocks {

    private final Set<UploadId> heldHere = ConcurrentHashMap.newKeySet();
    private final Function<UploadId, Path> lockFile;

    UploadLocks(Function<UploadId, Path> lockFile) {
        this.lockFile = lockFile;
    }

    /** @throws UploadLockedException at once (never waits) when another request holds the upload */
    Held acquire(UploadId id) {
        if (!heldHere.add(id)) {
            throw new UploadLockedException();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile.apply(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new UploadLockedException();
            }
            return new Held(id, channel);
        } catch (IOException e) {
            release(id, channel);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            release(id, channel);
            throw e;
        }
    }

    private void release(UploadId id, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // releases the OS lock
            }
        } catch (IOException ignored) {
            // nothing left to do: the process exit would release it too
        } finally {
            heldHere.remove(id);
        }
    }

    final class Held implements AutoCloseable {
        private final UploadId id;
        private final FileChannel channel;

        private Held(UploadId id, FileChannel channel) {
            this.id = id;
            this.channel = channel;
        }

        @Override
        public void close() {
            release(id, channel);
        }
    }
}
