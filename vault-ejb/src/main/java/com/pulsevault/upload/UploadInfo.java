package com.pulsevault.upload;

import java.time.Instant;

/**
 * What the vault knows of one upload besides its bytes. {@code offset} is not stored: the data file's
 * length is the offset, so it can never disagree with what is on disk.
 *
 * @param length       total length, or null while deferred (creation-defer-length)
 * @param metadata     the raw Upload-Metadata header, or null
 * @param sha256       hex SHA-256 of the content, set when the last byte has arrived
 * @param videoId      set once finalize has claimed the upload
 * @param originalFile the file name ({@code original.<ext>}) finalize chose
 * @param owner        the subject that created the upload; null for an upload from before owners were kept
 */
public record UploadInfo(UploadId id, Long length, long offset, String metadata, Instant createdAt,
                         Instant expiresAt, String sha256, String videoId, String originalFile, String owner) {

    public boolean isComplete() {
        return length != null && offset == length;
    }

    public boolean isFinalized() {
        return videoId != null;
    }

    public boolean isExpired(Instant now) {
        return !isFinalized() && now.isAfter(expiresAt);
    }

    public UploadInfo withOffset(long newOffset) {
        return new UploadInfo(id, length, newOffset, metadata, createdAt, expiresAt, sha256, videoId, originalFile, owner);
    }

    public UploadInfo withLength(long newLength) {
        return new UploadInfo(id, newLength, offset, metadata, createdAt, expiresAt, sha256, videoId, originalFile, owner);
    }

    public UploadInfo withSha256(String hex) {
        return new UploadInfo(id, length, offset, metadata, createdAt, expiresAt, hex, videoId, originalFile, owner);
    }

    public UploadInfo claimedBy(String newVideoId, String file) {
        return new UploadInfo(id, length, offset, metadata, createdAt, expiresAt, sha256, newVideoId, file, owner);
    }
}
