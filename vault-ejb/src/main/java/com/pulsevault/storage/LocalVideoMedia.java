package com.pulsevault.storage;

import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoMedia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Media files under {@code videos/<videoId>/}, beside the record ({@code meta.json} and its lock, which stay). */
public class LocalVideoMedia implements VideoMedia {

    private final Path videoDir;

    public LocalVideoMedia(Path videoDir) {
        this.videoDir = videoDir;
    }

    @Override
    public void remove(VideoId id) throws IOException {
        Path dir = videoDir.resolve(id.value());
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !isRecord(p.getFileName().toString())).toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path entry : entries) {
            try (Stream<Path> tree = Files.walk(entry)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        DurableFiles.fsyncDirectory(dir); // the removal survives a crash: no media left behind a tombstone
    }

    /** meta.json, its lock and its in-flight temporary files belong to the record, not the media. */
    static boolean isRecord(String name) {
        return name.equals("meta.json") || name.equals(".meta.lock") || name.startsWith(".meta.json.");
    }
}
