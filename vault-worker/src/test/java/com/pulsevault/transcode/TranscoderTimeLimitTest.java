package com.pulsevault.transcode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pulsevault.transcode.timeout-seconds, with the real ffmpeg: a runaway transcode is stopped and cleaned up. */
class TranscoderTimeLimitTest {

    @TempDir
    Path video;

    @Test
    void ffmpegRunningPastTheTimeLimitIsStoppedAndLeavesNothingBehind() throws Exception {
        Path ffmpeg = Executables.resolve("ffmpeg");
        // 1080p with every rung takes far longer than the one-second limit on any machine
        run(List.of(ffmpeg.toString(), "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", "8",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", video.resolve("original.mp4").toString()));
        ExecutorService executor = Executors.newCachedThreadPool();
        AtomicInteger heartbeats = new AtomicInteger();
        try {
            Transcoder transcoder = new Transcoder(ffmpeg, Executables.resolve("ffprobe"), LadderTest.DEFAULT, 4, 1,
                    Duration.ofSeconds(1), executor);

            TranscodeFailedException e = assertThrows(TranscodeFailedException.class,
                    () -> transcoder.transcode(video, "original.mp4", "job-1", heartbeats::incrementAndGet, Duration.ofMillis(200), percent -> { }));

            assertTrue(e.getMessage().contains("longer than 1 s"), e.getMessage());
            assertTrue(heartbeats.get() > 0, "the queue heard from the job while ffmpeg ran");
            try (Stream<Path> left = Files.list(video)) {
                assertEquals(List.of("original.mp4"), left.map(p -> p.getFileName().toString()).toList(), "no work dir, no ladder");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ffmpegRunning() && System.nanoTime() < deadline) {
                Thread.sleep(50); // a killed process takes a moment to be reaped
            }
            assertTrue(!ffmpegRunning(), "no ffmpeg left running: " + ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse("?")).toList());
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean ffmpegRunning() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.isAlive() && p.info().command().orElse("").endsWith("ffmpeg"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor());
    }
}
