package com.pulsevault.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each upload, kept up to date as bytes arrive so finalize never re-reads the file.
 * A digest is only trusted when it covers exactly the bytes on disk; otherwise (after a restart, or
 * when another node wrote the last chunk) it is recomputed once from the file. Callers hold the upload's lock.
 */
final class RunningDigests {

    private final Map<UploadId, Running> running = new ConcurrentHashMap<>();

    /** The digest of the first {@code offset} bytes of {@code data}. */
    Running resume(UploadId id, Path data, long offset) throws IOException {
        Running r = running.get(id);
        if (r != null && r.covered == offset) {
            return r;
        }
        Running fresh = new Running(sha256(), 0);
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch)) {
            byte[] buf = new byte[1 << 20];
            long left = offset;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("upload data is shorter than its offset");
                }
                fresh.digest.update(buf, 0, n);
                left -= n;
            }
        }
        fresh.covered = offset;
        running.put(id, fresh);
        return fresh;
    }

    void forget(UploadId id) {
        running.remove(id);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Running {
        private MessageDigest digest;
        private long covered;

        private Running(MessageDigest digest, long covered) {
            this.digest = digest;
            this.covered = covered;
        }

        void update(byte[] buf, int len) {
            digest.update(buf, 0, len);
            covered += len;
        }

        Snapshot snapshot() {
            try {
                return new Snapshot((MessageDigest) digest.clone(), covered);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        void restore(Snapshot s) {
            digest = s.digest;
            covered = s.covered;
        }

        String hex() {
            try {
                return java.util.HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Snapshot(MessageDigest digest, long covered) {
    }
}
