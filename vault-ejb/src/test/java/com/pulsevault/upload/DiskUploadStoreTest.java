package com.pulsevault.upload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskUploadStoreTest {

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    DiskUploadStore store;

    @BeforeEach
    void setUp() {
        store = new DiskUploadStore(dir, 1_000_000, Duration.ofHours(24), clock, Runnable::run);
    }

    @Test
    void aNewUploadStartsAtOffsetZeroAndExpiresAfterTheConfiguredTime() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        UploadInfo read = store.get(info.id());
        assertEquals(0, read.offset());
        assertEquals(10L, read.length());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), read.expiresAt());
    }

    @Test
    void anUploadRemembersTheSubjectThatCreatedItAcrossARestart() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        DiskUploadStore afterRestart = new DiskUploadStore(dir, 1_000_000, Duration.ofHours(24), clock, Runnable::run);
        assertEquals(OWNER, afterRestart.get(info.id()).owner());
    }

    @Test
    void appendingAdvancesTheOffsetToTheBytesOnDisk() throws IOException {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        UploadInfo after = store.append(info.id(), request(0, bytes(4)));
        assertEquals(4, after.offset());
        assertEquals(4, Files.size(dir.resolve(info.id().value())));
    }

    @Test
    void anAppendAtTheWrongOffsetIsRefusedAndNothingIsWritten() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, bytes(4)));
        OffsetMismatchException e = assertThrows(OffsetMismatchException.class, () -> store.append(info.id(), request(2, bytes(4))));
        assertEquals(4, e.currentOffset());
        assertEquals(4, store.get(info.id()).offset());
    }

    @Test
    void theCompletedUploadCarriesTheSha256OfAllItsChunks() throws Exception {
        byte[] content = bytes(300_000);
        UploadInfo info = store.create((long) content.length, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, slice(content, 0, 100_000)));
        UploadInfo done = store.append(info.id(), request(100_000, slice(content, 100_000, 300_000)));
        assertTrue(done.isComplete());
        assertEquals(sha256(content), done.sha256());
    }

    @Test
    void theSha256IsRecomputedOnceWhenTheRunningDigestWasLostToARestart() throws Exception {
        byte[] content = bytes(50_000);
        UploadInfo info = store.create((long) content.length, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, slice(content, 0, 20_000)));
        DiskUploadStore afterRestart = new DiskUploadStore(dir, 1_000_000, Duration.ofHours(24), clock, Runnable::run);
        UploadInfo done = afterRestart.append(info.id(), request(20_000, slice(content, 20_000, 50_000)));
        assertEquals(sha256(content), done.sha256());
    }

    @Test
    void aBodyCutOffMidwayKeepsExactlyTheBytesThatArrived() throws Exception {
        DiskUploadStore big = new DiskUploadStore(dir, 10_000_000, Duration.ofHours(24), clock, Runnable::run);
        UploadInfo info = big.create(2_000_000L, UploadMetadata.empty(), OWNER);
        byte[] sent = bytes(ChunkWriter.BUFFER_SIZE * 2);
        InputStream dying = new FailingAfter(sent);
        assertThrows(UploadInterruptedException.class, () -> big.append(info.id(), new AppendRequest(0, dying, 2_000_000, null, null)));
        long kept = big.get(info.id()).offset();
        assertEquals(sent.length, kept);
        assertArrayEquals(sent, Files.readAllBytes(dir.resolve(info.id().value())));
    }

    @Test
    void aChunkWithAWrongChecksumIsDiscarded() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, bytes(3)));
        ExpectedChecksum wrong = ExpectedChecksum.parse("sha1 " + Base64.getEncoder().encodeToString(new byte[20]));
        assertThrows(ChecksumMismatchException.class,
                () -> store.append(info.id(), new AppendRequest(3, new ByteArrayInputStream(bytes(4)), 4, null, wrong)));
        assertEquals(3, store.get(info.id()).offset());
    }

    @Test
    void aChunkWithTheRightChecksumIsKeptAndTheRunningDigestStaysRight() throws Exception {
        byte[] content = bytes(10);
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, slice(content, 0, 3)));
        ExpectedChecksum wrong = ExpectedChecksum.parse("md5 " + Base64.getEncoder().encodeToString(new byte[16]));
        assertThrows(ChecksumMismatchException.class,
                () -> store.append(info.id(), new AppendRequest(3, new ByteArrayInputStream(slice(content, 3, 10)), 7, null, wrong)));
        byte[] rest = slice(content, 3, 10);
        ExpectedChecksum right = ExpectedChecksum.parse("sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(rest)));
        UploadInfo done = store.append(info.id(), new AppendRequest(3, new ByteArrayInputStream(rest), 7, null, right));
        assertEquals(sha256(content), done.sha256());
    }

    @Test
    void aBodyLongerThanUploadLengthIsRefusedAndDiscarded() {
        UploadInfo info = store.create(5L, UploadMetadata.empty(), OWNER);
        assertThrows(UploadTooLargeException.class, () -> store.append(info.id(), new AppendRequest(0, new ByteArrayInputStream(bytes(8)), -1, null, null)));
        assertEquals(0, store.get(info.id()).offset());
    }

    @Test
    void anUploadLargerThanTheMaximumIsRefusedAtCreation() {
        assertThrows(UploadTooLargeException.class, () -> store.create(1_000_001L, UploadMetadata.empty(), OWNER));
    }

    @Test
    void aDeferredLengthIsSetByALaterAppendAndCannotChangeAfterwards() {
        UploadInfo info = store.create(null, UploadMetadata.empty(), OWNER);
        assertNull(store.get(info.id()).length());
        UploadInfo done = store.append(info.id(), new AppendRequest(0, new ByteArrayInputStream(bytes(6)), 6, 6L, null));
        assertTrue(done.isComplete());
        assertThrows(InvalidUploadException.class, () -> store.append(info.id(), new AppendRequest(6, new ByteArrayInputStream(new byte[0]), 0, 7L, null)));
    }

    @Test
    void anExpiredUploadIsGoneAndTheSweepRemovesIt() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        clock.advance(Duration.ofHours(25));
        assertThrows(UploadExpiredException.class, () -> store.get(info.id()));
        assertEquals(1, store.removeExpired(clock.instant()));
        assertThrows(UploadNotFoundException.class, () -> store.get(info.id()));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void theSweepLeavesUploadsThatHaveNotExpired() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        clock.advance(Duration.ofHours(23));
        assertEquals(0, store.removeExpired(clock.instant()));
        assertEquals(0, store.get(info.id()).offset());
    }

    @Test
    void aTerminatedUploadIsGone() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        store.terminate(info.id());
        assertThrows(UploadNotFoundException.class, () -> store.get(info.id()));
    }

    @Test
    void idsThatAreNotCanonicalUuidsNameNoUpload() {
        for (String hostile : new String[]{"../x", "..%2F..%2Fetc", "/etc/passwd", "", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"}) {
            assertThrows(UploadNotFoundException.class, () -> UploadId.parse(hostile), hostile);
        }
    }

    @Test
    void aSecondWriterOnTheSameUploadIsTurnedAwayAtOnce() throws Exception {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        try (UploadStore.Claim held = store.claim(info.id())) {
            assertThrows(UploadLockedException.class, () -> store.append(info.id(), request(0, bytes(2))));
        }
        assertEquals(2, store.append(info.id(), request(0, bytes(2))).offset());
    }

    @Test
    void theLockHoldsAgainstAnotherServerProcessSharingTheMediaRoot() throws Exception {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        Process other = LockHolder.start(dir.resolve(info.id().value() + ".lock"));
        try {
            assertThrows(UploadLockedException.class, () -> store.append(info.id(), request(0, bytes(2))));
        } finally {
            other.destroy();
            other.waitFor();
        }
        assertEquals(2, store.append(info.id(), request(0, bytes(2))).offset());
    }

    @Test
    void requestsForAnUnknownUploadLeaveNothingOnDisk() {
        UploadId unknown = UploadId.random();
        assertThrows(UploadNotFoundException.class, () -> store.append(unknown, request(0, bytes(2))));
        assertThrows(UploadNotFoundException.class, () -> store.terminate(unknown));
        assertThrows(UploadNotFoundException.class, () -> store.claim(unknown));
        assertThrows(UploadNotFoundException.class, () -> store.get(unknown));
        assertEquals(0, dir.toFile().list().length, String.join(",", dir.toFile().list()));
    }

    @Test
    void theSweepRemovesALockFileWhoseUploadIsGone() throws IOException {
        Path orphan = dir.resolve(UploadId.random().value() + ".lock");
        Files.createFile(orphan);
        store.removeExpired(clock.instant());
        assertFalse(Files.exists(orphan));
    }

    @Test
    void theSweepRemovesAnInfoFileWhoseDataIsGoneWithoutAFinalize() throws IOException {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        Files.delete(dir.resolve(info.id().value())); // a terminate cut short between its two deletes
        store.removeExpired(clock.instant());
        assertEquals(0, dir.toFile().list().length, String.join(",", dir.toFile().list()));
    }

    @Test
    void theSweepRemovesADataFileWithoutInfoOnlyOnceItIsOlderThanTheExpiry() throws IOException {
        Path data = dir.resolve(UploadId.random().value()); // a create cut short before its .info
        Files.createFile(data);
        Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.from(clock.instant()));
        store.removeExpired(clock.instant());
        assertTrue(Files.exists(data), "a create in progress is left alone");
        clock.advance(Duration.ofHours(25));
        store.removeExpired(clock.instant());
        assertFalse(Files.exists(data));
    }

    @Test
    void aFinalizedUploadKeepsItsInfoUntilItExpiresAndThenLeavesNothing() throws Exception {
        UploadInfo info = store.create(4L, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, bytes(4)));
        Path videoDir = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-video"));
        try (UploadStore.Claim claim = store.claim(info.id())) {
            claim.recordVideo(UUID_OF_VIDEO, "original.mp4");
            claim.moveContentTo(videoDir.resolve("original.mp4"));
        }
        store.removeExpired(clock.instant());
        assertTrue(Files.exists(dir.resolve(info.id().value() + ".info")), "kept for a repeated finalize");
        clock.advance(Duration.ofHours(25));
        store.removeExpired(clock.instant());
        assertEquals(0, dir.toFile().list().length, String.join(",", dir.toFile().list()));
    }

    @Test
    void theSweepLeavesTheFilesOfALiveUploadAlone() {
        UploadInfo info = store.create(10L, UploadMetadata.empty(), OWNER);
        store.append(info.id(), request(0, bytes(2)));
        store.removeExpired(clock.instant());
        assertEquals(2, store.get(info.id()).offset());
    }

    static final String OWNER = "6c3b0d9a-owner-subject";
    private static final String UUID_OF_VIDEO = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    static AppendRequest request(long offset, byte[] body) {
        return new AppendRequest(offset, new ByteArrayInputStream(body), body.length, null, null);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Delivers its bytes, then fails the way a dropped connection does. */
    static final class FailingAfter extends InputStream {
        private final ByteArrayInputStream data;

        FailingAfter(byte[] bytes) {
            data = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = data.read();
            if (b < 0) {
                throw new IOException("connection reset");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = data.read(b, off, len);
            if (n < 0) {
                throw new IOException("connection reset");
            }
            return n;
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
