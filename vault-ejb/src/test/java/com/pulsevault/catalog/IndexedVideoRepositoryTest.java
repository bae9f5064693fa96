package com.pulsevault.catalog;

import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.OriginalFile;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index follows every durable write, and an index that fails never fails the write. */
class IndexedVideoRepositoryTest {

    @TempDir
    Path videoDir;

    static Video video() {
        return Video.finalized(VideoId.random(), new OriginalFile("original.mp4", 3, "ab", null), JsonObject.EMPTY_JSON_OBJECT,
                JsonObject.EMPTY_JSON_OBJECT, "alice", Set.of("icu"), null, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void everyWriteReachesTheIndexWithItsVersion() {
        List<Long> indexed = new ArrayList<>();
        var videos = new IndexedVideoRepository(new MetaJsonVideoRepository(videoDir), v -> indexed.add(v.version()), () -> { });
        Video v = videos.create(video());
        videos.update(v.id(), x -> x.transcodingStarted(1, Instant.now()));
        assertEquals(List.of(1L, 2L), indexed);
    }

    @Test
    void aFailingIndexLeavesTheVideoStoredAndTheCatalogMarkedBehind() {
        AtomicInteger behind = new AtomicInteger();
        var videos = new IndexedVideoRepository(new MetaJsonVideoRepository(videoDir),
                v -> { throw new IllegalStateException("datasource down"); }, behind::incrementAndGet);
        Video v = videos.create(video());
        assertEquals(1, new MetaJsonVideoRepository(videoDir).get(v.id()).version());
        assertEquals(1, behind.get());
    }

    @Test
    void theIndexTitleIsTheRecordsOrElseTheOneInTheFreeFormMetadata() {
        JsonObject metadata = Json.createObjectBuilder().add("title", "Left knee").build();
        Video withMetadataTitle = Video.finalized(VideoId.random(), new OriginalFile("original.mp4", 3, "ab", null), metadata,
                JsonObject.EMPTY_JSON_OBJECT, "alice", Set.of(), null, Instant.now());
        assertEquals("Left knee", CatalogEntry.titleOf(withMetadataTitle));
        assertEquals(null, CatalogEntry.titleOf(video()));
    }
}
