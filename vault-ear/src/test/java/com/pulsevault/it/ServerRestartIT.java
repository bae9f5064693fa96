package com.pulsevault.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.List;

import static com.pulsevault.it.TusClient.OCTETS;
import static com.pulsevault.it.UploadDurabilityIT.awaitBytesOnDisk;
import static com.pulsevault.it.UploadDurabilityIT.dataFile;
import static com.pulsevault.it.UploadDurabilityIT.finalized;
import static com.pulsevault.it.UploadDurabilityIT.path;
import static com.pulsevault.it.UploadDurabilityIT.random;
import static com.pulsevault.it.UploadDurabilityIT.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of the server mid-upload and mid-transcode, then a restart: nothing is lost, nothing is doubled. */
class ServerRestartIT extends VaultIT {

    @Test
    void anUploadSurvivesAKill9MidPatchAndResumesAfterRestart() throws Exception {
        int mib = 1024 * 1024;
        byte[] content = random(8 * mib);
        String url = TusClient.createdUpload(content.length);
        assertEquals(204, TusClient.patch(url, 0, Arrays.copyOf(content, mib)).statusCode());
        try (RawHttp raw = new RawHttp()) {
            raw.start("PATCH", path(url), "Tus-Resumable: 1.0.0", "Upload-Offset: " + mib, "Content-Type: " + OCTETS,
                    "Content-Length: " + (content.length - mib)).body(content, mib, 4 * mib);
            awaitBytesOnDisk(url, 2 * mib); // the server is mid-request, writing
            AppServer.current().kill9();
        }
        AppServer.current().start();

        long offset = TusClient.offset(url);
        assertEquals(Files.size(dataFile(url)), offset, "HEAD reports the bytes on disk");
        assertTrue(offset >= 2 * mib && offset <= 4 * mib, "kept " + offset);
        assertArrayEquals(Arrays.copyOf(content, (int) offset), Files.readAllBytes(dataFile(url)));
        assertEquals(204, TusClient.patch(url, offset, Arrays.copyOfRange(content, (int) offset, content.length)).statusCode());
        // the running digest died with the server: finalize recomputes it once from the file
        assertEquals(sha256(content), finalized(url).getString("checksum"));
    }

    @Test
    void aTranscodeKilledWithTheServerIsRedeliveredAndEndsWithExactlyOneLadder() throws Exception {
        Path clips = Files.createTempDirectory("pulsevault-crash");
        String videoId = TranscodeIT.finalized(Clips.generate(clips, "long.mp4", "1920x1080", 20, true));
        Path dir = MEDIA_ROOT.resolve("videos").resolve(videoId);
        FinalizeIT.await(() -> FinalizeIT.status(videoId).equals("transcoding") && segmentsBeingWritten(dir), "ffmpeg at work");
        AppServer.current().kill9();
        AppServer.current().start();

        // the dead consumer's job is reclaimed after the visibility timeout (10 s in the tests)
        TranscodeIT.awaitDone(videoId);
        assertEquals("transcoded", FinalizeIT.status(videoId));
        assertEquals(2, FinalizeIT.transcodeStarts(videoId), "the killed attempt and the one that finished");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("meta.json", "original.mp4", "poster.jpg", "stream"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".meta")).sorted().toList(),
                    "one ladder, no leftovers of the killed attempt");
        }
        assertEquals(5, TranscodeIT.meta(videoId).getJsonArray("renditions").size());
    }

    private static boolean segmentsBeingWritten(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> p.toString().contains("/.transcode-") && p.getFileName().toString().startsWith("chunk-"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // the walk raced with ffmpeg's own renames
        }
    }
}
