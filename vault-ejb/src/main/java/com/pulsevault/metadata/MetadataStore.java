package com.pulsevault.metadata;

import com.pulsevault.storage.DurableFiles;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoNotFoundException;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * {@code videos/<videoId>/meta.json}: the canonical record of a video. Every write is atomic and
 * durable; every document has a {@code version}, and a write names the version it was based on, so
 * two writers (threads or server processes) cannot silently overwrite each other.
 */
public class MetadataStore {

    public static final String FILE_NAME = "meta.json";
    private static final String LOCK_NAME = ".meta.lock";

    /** Threads of this JVM queue here; the OS lock below only separates processes. */
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    private final Path videoDir;

    public MetadataStore(Path videoDir) {
        this.videoDir = videoDir;
    }

    /** @throws VideoNotFoundException for anything but a canonical UUID, so no id can step outside the video directory */
    public Path directoryOf(String videoId) {
        if (!VideoId.isValid(videoId)) {
            throw new VideoNotFoundException();
        }
        return videoDir.resolve(videoId);
    }

    public boolean exists(String videoId) {
        return Files.exists(file(videoId));
    }

    /** True for a canonical video id; anything else names no video. */
    public static boolean isVideoId(String candidate) {
        return VideoId.isValid(candidate);
    }

    /** @throws VideoNotFoundException, CorruptMetadataException */
    public JsonObject read(String videoId) {
        try {
            return MetaJsonEnvelope.unwrap(Files.readAllBytes(file(videoId)), videoId);
        } catch (NoSuchFileException e) {
            throw new VideoNotFoundException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes version 1; fails if the video already has metadata. */
    public JsonObject create(String videoId, JsonObject document) {
        return write(videoId, 0, document);
    }

    /**
     * Replaces the document if it is still at {@code expectedVersion}.
     *
     * @throws StaleMetadataException when another writer got there first
     */
    public JsonObject replace(String videoId, long expectedVersion, JsonObject document) {
        return write(videoId, expectedVersion, document);
    }

    /** Read, change, write; repeated when another writer interleaves. */
    public JsonObject update(String videoId, UnaryOperator<JsonObject> change) {
        while (true) {
            JsonObject current = read(videoId);
            try {
                return replace(videoId, current.getJsonNumber("version").longValue(), change.apply(current));
            } catch (StaleMetadataException raced) {
                Thread.onSpinWait();
            }
        }
    }

    private JsonObject write(String videoId, long expectedVersion, JsonObject document) {
        Path dir = directoryOf(videoId);
        try {
            DurableFiles.createDirectoryDurably(dir);
            synchronized (STRIPES[Math.floorMod(videoId.hashCode(), STRIPES.length)]) {
                return writeLocked(videoId, dir, expectedVersion, document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject writeLocked(String videoId, Path dir, long expectedVersion, JsonObject document) throws IOException {
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            long actual = currentVersion(videoId);
            if (actual != expectedVersion) {
                throw new StaleMetadataException(videoId, expectedVersion, actual);
            }
            JsonObject written = Json.createObjectBuilder(document).add("version", expectedVersion + 1).build();
            DurableFiles.writeAtomically(file(videoId), MetaJsonEnvelope.wrap(written));
            return written;
        }
    }

    private long currentVersion(String videoId) {
        if (!exists(videoId)) {
            return 0;
        }
        return read(videoId).getJsonNumber("version").longValue();
    }

    private Path file(String videoId) {
        return directoryOf(videoId).resolve(FILE_NAME);
    }
}
