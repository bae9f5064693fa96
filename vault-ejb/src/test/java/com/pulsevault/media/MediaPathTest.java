package com.pulsevault.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MediaPathTest {

    @TempDir
    Path root;

    @Test
    void theLadderThePosterAndTheOriginalMayBeServed() {
        for (String ok : new String[]{"stream/master.m3u8", "stream/manifest.mpd", "stream/chunk-0-00001.m4s", "poster.jpg", "original.mp4"}) {
            assertDoesNotThrow(() -> MediaPath.validate(ok), ok);
        }
    }

    @Test
    void metadataHiddenFilesAndTraversalMayNot() {
        for (String bad : new String[]{"meta.json", ".meta.lock", "stream/../meta.json", "../other/original.mp4", "/etc/passwd",
                "stream\\..\\meta.json", "stream/a/b.m4s", "stream/%2e%2e", "poster.jpg\0", "", "stream/", "stream/.hidden"}) {
            assertThrows(MediaPath.NotServableException.class, () -> MediaPath.validate(bad), bad);
        }
    }

    @Test
    void aManifestSignsTheWholeLadderAnythingElseOnlyItself() {
        assertEquals("stream/", MediaPath.scopeFor("stream/master.m3u8"));
        assertEquals("stream/", MediaPath.scopeFor("stream/manifest.mpd"));
        assertEquals("original.mp4", MediaPath.scopeFor("original.mp4"));
    }

    @Test
    void aSymlinkPointingOutOfTheVideoIsRefused() throws Exception {
        Path video = Files.createDirectories(root.resolve("v"));
        Path secret = Files.writeString(root.resolve("secret.txt"), "not yours");
        Files.createDirectories(video.resolve("stream"));
        Files.createSymbolicLink(video.resolve("stream").resolve("chunk-0-00001.m4s"), secret);
        assertThrows(MediaPath.NotServableException.class, () -> MediaPath.resolve(video, "stream/chunk-0-00001.m4s"));
    }

    @Test
    void contentTypesArePlayers() {
        assertEquals("application/vnd.apple.mpegurl", MediaPath.contentType("stream/master.m3u8"));
        assertEquals("application/dash+xml", MediaPath.contentType("stream/manifest.mpd"));
        assertEquals("video/mp4", MediaPath.contentType("stream/init-0.m4s"));
        assertEquals("image/jpeg", MediaPath.contentType("poster.jpg"));
    }
}
