package com.pulsevault.transcode;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.ffmpeg.ProgressListener;
import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Turns {@code videos/<id>/original.*} into {@code videos/<id>/stream/} (HLS + DASH over one set of
 * CMAF segments) and {@code poster.jpg}. Everything is written to a temporary directory first and
 * renamed into place, so nobody ever sees a half-written ladder; leftovers of a crashed attempt are
 * removed before a new one starts.
 */
public class Transcoder {

    public static final String STREAM_DIR = "stream";
    public static final String POSTER = "poster.jpg";
    private static final String WORK_PREFIX = ".transcode-";

    private final Path ffmpeg;
    private final Prober prober;
    private final Ladder ladder;
    private final int segmentSeconds;
    private final int threads;
    private final Duration timeout;
    private final Executor executor;
    private final Set<FFmpegResultFuture> running = ConcurrentHashMap.newKeySet();

    public Transcoder(Path ffmpeg, Path ffprobe, Ladder ladder, int segmentSeconds, int threads, Duration timeout, Executor executor) {
        this.ffmpeg = ffmpeg;
        this.prober = new Prober(ffprobe);
        this.ladder = ladder;
        this.segmentSeconds = segmentSeconds;
        this.threads = threads;
        this.timeout = timeout;
        this.executor = executor;
    }

    /**
     * @param heartbeat called now and then while ffmpeg runs, so the queue knows the job is alive
     * @throws UnsupportedMediaException when the original is not a video (do not retry)
     * @throws TranscodeFailedException  when this attempt failed (may retry)
     */
    public TranscodeResult transcode(Path videoDir, String originalFile, String jobId, Runnable heartbeat, Duration heartbeatEvery,
                                     IntConsumer progress) {
        try {
            removeLeftovers(videoDir);
            Path work = videoDir.resolve(WORK_PREFIX + jobId);
            try {
                return transcodeInto(work, videoDir, originalFile, heartbeat, heartbeatEvery, progress);
            } finally {
                deleteTree(work); // gone after success (moved out) and after a failed attempt alike
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TranscodeResult transcodeInto(Path work, Path videoDir, String originalFile, Runnable heartbeat,
                                          Duration heartbeatEvery, IntConsumer progress) throws IOException {
        Path stream = work.resolve(STREAM_DIR);
        Files.createDirectories(stream);
        Path original = videoDir.resolve(originalFile);

        long t0 = System.nanoTime();
        MediaProbe probe = prober.probe(original);
        List<Rung> rungs = ladder.forSource(probe.width(), probe.height());
        long t1 = System.nanoTime();
        run(LadderCommand.arguments(original, probe, rungs, segmentSeconds, threads, stream), heartbeat, heartbeatEvery,
                tenths(probe.durationSeconds(), progress));
        List<TranscodeResult.Rendition> renditions = checkOutput(stream, rungs);
        long t2 = System.nanoTime();
        run(LadderCommand.posterArguments(original, probe.durationSeconds(), work.resolve(POSTER)), heartbeat, heartbeatEvery, null);
        long t3 = System.nanoTime();

        install(work, videoDir);
        return new TranscodeResult(probe, renditions, STREAM_DIR + "/" + LadderCommand.MASTER,
                STREAM_DIR + "/" + LadderCommand.MPD, POSTER, millis(t1 - t0), millis(t2 - t1), millis(t3 - t2));
    }

    /** Ends every running ffmpeg at once (undeploy). */
    public void stopAll() {
        running.forEach(FFmpegResultFuture::forceStop);
    }

    /**
     * ffmpeg's progress (the media time written so far) as whole tens of percent of the source's
     * duration, each told once: a ladder of an hour tells ten times, not once a second.
     */
    static ProgressListener tenths(double durationSeconds, IntConsumer progress) {
        AtomicInteger told = new AtomicInteger(-1);
        return p -> {
            Long millis = p.getTimeMillis();
            if (millis == null || durationSeconds <= 0) {
                return;
            }
            int tenth = (int) Math.min(9, millis / (durationSeconds * 100)); // 100 % is told by video.transcoded
            if (tenth > told.get() && told.getAndSet(tenth) < tenth) {
                progress.accept(tenth * 10);
            }
        };
    }

    private void run(List<String> arguments, Runnable heartbeat, Duration heartbeatEvery, ProgressListener progress) {
        FFmpeg command = new FFmpeg(ffmpeg).setLogLevel(LogLevel.ERROR).setOverwriteOutput(true);
        if (progress != null) {
            command.setProgressListener(progress);
        }
        arguments.forEach(command::addArgument);
        FFmpegResultFuture future = command.executeAsync(executor);
        running.add(future);
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                try {
                    future.get(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillRunning) {
                    if (Instant.now().isAfter(deadline)) {
                        future.forceStop();
                        throw new TranscodeFailedException("ffmpeg ran longer than " + timeout.toSeconds() + " s and was stopped");
                    }
                    heartbeat.run();
                }
            }
        } catch (ExecutionException e) {
            throw new TranscodeFailedException("ffmpeg failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            future.forceStop();
            Thread.currentThread().interrupt();
            throw new TranscodeFailedException("interrupted");
        } finally {
            running.remove(future);
        }
    }

    private static List<TranscodeResult.Rendition> checkOutput(Path stream, List<Rung> rungs) throws IOException {
        Path master = stream.resolve(LadderCommand.MASTER);
        if (!Files.exists(master) || !Files.exists(stream.resolve(LadderCommand.MPD))) {
            throw new TranscodeFailedException("ffmpeg wrote no manifests");
        }
        List<TranscodeResult.Rendition> renditions = MasterPlaylist.variants(Files.readAllLines(master), rungs, STREAM_DIR + "/");
        if (renditions.size() != rungs.size()) {
            throw new TranscodeFailedException("ffmpeg wrote " + renditions.size() + " of " + rungs.size() + " renditions");
        }
        return renditions;
    }

    /** Renames the finished output into place; an older complete ladder (from an attempt whose metadata update was lost) is replaced. */
    private static void install(Path work, Path videoDir) throws IOException {
        Path target = videoDir.resolve(STREAM_DIR);
        if (Files.exists(target)) {
            Path old = videoDir.resolve(WORK_PREFIX + "replaced-" + System.nanoTime());
            Files.move(target, old);
            deleteTree(old);
        }
        fsyncTree(work);
        DurableFiles.moveAtomically(work.resolve(STREAM_DIR), target);
        DurableFiles.moveAtomically(work.resolve(POSTER), videoDir.resolve(POSTER));
        DurableFiles.fsyncDirectory(videoDir);
    }

    private static void removeLeftovers(Path videoDir) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(videoDir, WORK_PREFIX + "*")) {
            for (Path p : leftovers) {
                deleteTree(p);
            }
        }
    }

    private static void fsyncTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isRegularFile(p)) {
                    try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                } else {
                    DurableFiles.fsyncDirectory(p);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
