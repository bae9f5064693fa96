package com.pulsevault.upload;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the bytes of resumable uploads live. The tus protocol handling sits in the HTTP layer and
 * only talks to this interface, so another store can be added without touching it.
 */
public interface UploadStore {

    /**
     * @param length the total length, or null to defer it
     * @param owner  the subject creating it: the only one who may use it
     */
    UploadInfo create(Long length, UploadMetadata metadata, String owner);

    /** @throws UploadNotFoundException, UploadExpiredException */
    UploadInfo get(UploadId id);

    /**
     * The subject that created the upload (null for one from before owners were kept), whatever state
     * the upload is in, so that nobody else learns even that it expired.
     *
     * @throws UploadNotFoundException
     */
    String ownerOf(UploadId id);

    /**
     * Writes the body at {@code request.offset()}; when this returns, the bytes are on disk (fsync).
     * A body cut off mid-way keeps exactly the bytes that arrived (and throws UploadInterruptedException);
     * a chunk whose checksum does not match is discarded.
     */
    UploadInfo append(UploadId id, AppendRequest request);

    /** tus termination. */
    void terminate(UploadId id);

    /** Removes expired, unfinalized uploads not being written right now; returns how many. */
    int removeExpired(Instant now);

    long maxSize();

    /** Exclusive access to one upload for finalize; close to release. */
    Claim claim(UploadId id);

    interface Claim extends AutoCloseable {
        UploadInfo info();

        /** The content's SHA-256, from the running digest, or recomputed once if it was lost. */
        String sha256();

        /** Durably records which video this upload becomes, before anything is moved. */
        UploadInfo recordVideo(String videoId, String originalFile);

        /** Moves the content to {@code target} atomically and durably; a no-op if it already moved. */
        void moveContentTo(Path target);

        @Override
        void close();
    }
}
