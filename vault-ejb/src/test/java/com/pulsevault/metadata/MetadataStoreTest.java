package com.pulsevault.metadata;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetadataStoreTest {

    static final String VIDEO = "6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    @Test
    void aCreatedDocumentReadsBackAtVersionOne() {
        MetadataStore store = new MetadataStore(dir);
        store.create(VIDEO, doc("uploaded"));
        JsonObject read = store.read(VIDEO);
        assertEquals("uploaded", read.getString("status"));
        assertEquals(1, read.getInt("version"));
    }

    @Test
    void anEditedFileIsDetected() throws Exception {
        MetadataStore store = new MetadataStore(dir);
        store.create(VIDEO, doc("uploaded"));
        Path file = dir.resolve(VIDEO).resolve("meta.json");
        Files.writeString(file, Files.readString(file).replace("uploaded", "uploadex"));
        assertThrows(CorruptMetadataException.class, () -> store.read(VIDEO));
    }

    @Test
    void aTruncatedFileIsDetected() throws Exception {
        MetadataStore store = new MetadataStore(dir);
        store.create(VIDEO, doc("uploaded"));
        Path file = dir.resolve(VIDEO).resolve("meta.json");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThrows(CorruptMetadataException.class, () -> store.read(VIDEO));
    }

    @Test
    void aWriteBasedOnAnOldVersionIsRefused() {
        MetadataStore store = new MetadataStore(dir);
        store.create(VIDEO, doc("uploaded"));
        store.replace(VIDEO, 1, doc("transcoding"));
        assertThrows(StaleMetadataException.class, () -> store.replace(VIDEO, 1, doc("failed")));
        assertEquals("transcoding", store.read(VIDEO).getString("status"));
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
        MetadataStore store = new MetadataStore(dir);
        store.create(VIDEO, Json.createObjectBuilder().add("count", 0).build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            done.add(pool.submit(() -> store.update(VIDEO, d -> Json.createObjectBuilder(d).add("count", d.getInt("count") + 1).build())));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, store.read(VIDEO).getInt("count"));
        assertEquals(41, store.read(VIDEO).getInt("version"));
    }

    static JsonObject doc(String status) {
        return Json.createObjectBuilder().add("videoId", VIDEO).add("status", status).build();
    }
}
