package com.pulsevault.transcode;

import com.pulsevault.audit.ActorReference;
import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.metadata.CorruptMetadataException;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.video.FailureKind;
import com.pulsevault.queue.RedisJobQueue;
import com.pulsevault.queue.RedisJobQueue.Delivery;
import com.pulsevault.settings.VaultSettings;
import com.pulsevault.video.Rendition;
import com.pulsevault.video.TranscodeOutput;
import com.pulsevault.video.Video;
import com.pulsevault.events.VideoEvents;
import com.pulsevault.video.VideoDeletedException;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoMedia;
import com.pulsevault.video.VideoRepository;
import com.pulsevault.video.VideoStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Transcode consumers: {@code pulsevault.transcode.concurrency} loops on an executor the application
 * defines itself (no server configuration needed), started with the deployment and stopped with it.
 * A job is acknowledged only when its ladder is in place and meta.json says so; a failure is retried
 * with exponential back-off, and after {@code pulsevault.transcode.max-attempts} it is dead-lettered
 * with the reason in meta.json. A redelivered job for a finished video is acknowledged without work.
 */
@ManagedExecutorDefinition(name = TranscodeWorker.EXECUTOR, maxAsync = 16)
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodeWorker {

    static final String EXECUTOR = "java:module/concurrent/PulseVaultTranscoders";
    private static final Logger LOG = Logger.getLogger(TranscodeWorker.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration MAX_REDIS_BACKOFF = Duration.ofSeconds(30);

    @Inject
    VaultConfig config;
    @Inject
    AuditTrail audit;
    @Inject
    VaultMetrics metrics;
    @Inject
    VideoRepository videos;
    @Inject
    VideoMedia media;
    @Inject
    VideoEvents events;
    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    private volatile boolean running;
    private final Object wakeUp = new Object();
    private final List<Future<?>> consumers = new ArrayList<>();
    private VaultSettings settings;
    private RedisJobQueue queue;
    private Transcoder transcoder;

    @PostConstruct
    void start() {
        settings = config.settings();
        if (!settings.transcodeEnabled()) {
            LOG.info("Transcoding is disabled on this node (pulsevault.transcode.enabled=false)");
            return;
        }
        queue = new RedisJobQueue(settings);
        transcoder = new Transcoder(Executables.resolve(settings.ffmpegPath()), Executables.resolve(settings.ffprobePath()),
                Ladder.of(settings.renditions()), settings.segmentSeconds(), settings.ffmpegThreads(),
                settings.transcodeTimeout(), executor);
        running = true;
        String node = "worker-" + UUID.randomUUID();
        for (int i = 0; i < settings.transcodeConcurrency(); i++) {
            String name = node + "-" + i;
            Runnable loop = () -> consume(name);
            consumers.add(executor.submit(ManagedExecutors.managedTask(loop, Map.of(ManagedTask.LONGRUNNING_HINT, "true"), null)));
        }
        LOG.info("Started " + consumers.size() + " transcode consumer(s)");
    }

    /** Undeploy or shutdown: no loop survives; a job in progress goes back to the queue. */
    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        transcoder.stopAll();
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (Future<?> consumer : consumers) {
            try {
                consumer.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                consumer.cancel(true);
            }
        }
        queue.close();
    }

    private void consume(String consumer) {
        Duration backoff = Duration.ofSeconds(1);
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    queue.ensureGroup();
                    groupReady = true;
                }
                queue.promoteDue(Instant.now());
                Optional<Delivery> job = queue.reclaim(consumer, settings.transcodeVisibilityTimeout().toMillis());
                if (job.isEmpty()) {
                    job = queue.next(consumer, 2000);
                }
                job.ifPresent(d -> processUnlessDeleted(consumer, d));
                if (backoff.getSeconds() > 1) {
                    LOG.info("Redis reachable again; transcode consumer " + consumer + " resumes");
                }
                backoff = Duration.ofSeconds(1);
            } catch (JedisConnectionException e) {
                if (backoff.getSeconds() == 1) {
                    LOG.warning("Redis is not reachable; transcode consumer " + consumer + " backs off: " + e.getMessage());
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_REDIS_BACKOFF) > 0 ? MAX_REDIS_BACKOFF : backoff.multipliedBy(2);
            } catch (JedisDataException e) {
                // NOGROUP after Redis lost its data (a restart without persistence): create the group again
                groupReady = false;
                pause(backoff);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "transcode consumer " + consumer + " hit an unexpected error", e);
                pause(backoff);
            }
        }
    }

    /** A video deleted before or while it is transcoded: nothing more to do, and nothing of it may stay. */
    private void processUnlessDeleted(String consumer, Delivery d) {
        try {
            process(consumer, d);
        } catch (VideoDeletedException e) {
            try {
                media.remove(new VideoId(d.job().videoId()));
            } catch (IOException | RuntimeException ignored) {
                // the catalog's pass at the next start removes what is left
            }
            record("transcode.cancelled", d.job().videoId(), "success", "the video was deleted");
            queue.ack(d);
        }
    }

    private void process(String consumer, Delivery d) {
        String videoId = d.job().videoId();
        Path dir = settings.videoDir().resolve(videoId);
        Video video;
        try {
            video = videos.get(new VideoId(videoId));
        } catch (VideoNotFoundException e) {
            retryOrGiveUp(d, "video metadata not found"); // finalize may not have written it yet
            return;
        } catch (CorruptMetadataException e) {
            failed(d, "video metadata corrupt");
            return;
        }
        if (video.status() == VideoStatus.DELETED) {
            throw new VideoDeletedException();
        }
        if (video.status() == VideoStatus.TRANSCODED && Files.exists(dir.resolve(Transcoder.STREAM_DIR).resolve(LadderCommand.MASTER))) {
            queue.ack(d); // redelivered after it was done: nothing to do
            return;
        }
        int attempt = d.job().attempt() + 1;
        update(videoId, v -> v.transcodingStarted(attempt, Instant.now()));
        record("transcode.start", videoId, "success", "attempt " + attempt);
        long started = System.nanoTime();
        try {
            Duration heartbeatEvery = settings.transcodeVisibilityTimeout().dividedBy(3);
            TranscodeResult result = transcoder.transcode(dir, video.original().file(), d.job().jobId(),
                    () -> queue.heartbeat(consumer, d), heartbeatEvery, percent -> events.progress(video, percent));
            update(videoId, v -> v.transcoded(output(result), Instant.now())); // VideoDeletedException if deleted meanwhile
            record("transcode.success", videoId, "success", result.renditions().size() + " renditions");
            queue.ack(d);
            metrics.transcodeFinished("success", since(started));
        } catch (VideoDeletedException e) {
            throw e;
        } catch (UnsupportedMediaException e) {
            failedForGood(d, "unsupported media");
            metrics.transcodeFinished("failed", since(started));
        } catch (RuntimeException e) {
            if (!running) {
                queue.release(d); // undeploy interrupted it: another worker (or this one, redeployed) takes it
                return;
            }
            boolean retrying = retryOrGiveUp(d, e.getMessage());
            metrics.transcodeFinished(retrying ? "retry" : "failed", since(started));
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** @return true when another attempt is scheduled, false when the job was dead-lettered */
    private boolean retryOrGiveUp(Delivery d, String reason) {
        int attempt = d.job().attempt() + 1;
        if (attempt >= settings.transcodeMaxAttempts()) {
            failed(d, reason);
            return false;
        }
        Duration delay = settings.transcodeRetryDelay().multipliedBy(1L << (attempt - 1));
        updateIfPresent(d.job().videoId(), v -> v.retrying(reason, Instant.now()));
        record("transcode.retry", d.job().videoId(), "failure", reason);
        queue.retryLater(d, Instant.now().plus(delay));
        return true;
    }

    /** Out of attempts: dead letter, and meta.json says why. */
    private void failed(Delivery d, String reason) {
        markFailed(d.job().videoId(), reason, FailureKind.TRANSCODE_FAILED);
        queue.deadLetter(d, reason, Instant.now());
    }

    /** A failure no retry can fix (the upload is not a video): no dead letter, but listed among the failed videos. */
    private void failedForGood(Delivery d, String reason) {
        markFailed(d.job().videoId(), reason, FailureKind.UNSUPPORTED_MEDIA);
        queue.failForGood(d, reason, Instant.now());
    }

    private void markFailed(String videoId, String reason, FailureKind kind) {
        updateIfPresent(videoId, v -> v.failed(reason, kind, Instant.now()));
        record("transcode.failure", videoId, "failure", reason);
    }

    /** For failure records: a missing or damaged meta.json must not hide the failure itself. */
    private void updateIfPresent(String videoId, UnaryOperator<Video> change) {
        try {
            update(videoId, change);
        } catch (VideoNotFoundException | CorruptMetadataException e) {
            LOG.warning("video " + videoId + ": meta.json cannot record the transcode outcome (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static TranscodeOutput output(TranscodeResult r) {
        List<Rendition> renditions = r.renditions().stream()
                .map(x -> new Rendition(x.name(), x.width(), x.height(), x.bandwidth(), x.playlist(), x.codecs())).toList();
        return new TranscodeOutput(r.source().durationSeconds(), r.source().width(), r.source().height(), renditions,
                r.hls(), r.dash(), r.poster(), new TranscodeOutput.Timings(r.probeMillis(), r.ladderMillis(), r.posterMillis()));
    }

    private void update(String videoId, UnaryOperator<Video> change) {
        videos.update(new VideoId(videoId), change);
    }

    private void record(String action, String videoId, String outcome, String detail) {
        audit.record(AuditCategory.TRANSCODE, new AuditEntry(action, videoId, null, ActorReference.SYSTEM, null, outcome, detail));
    }

    private void pause(Duration d) {
        synchronized (wakeUp) {
            try {
                if (running) {
                    wakeUp.wait(d.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
