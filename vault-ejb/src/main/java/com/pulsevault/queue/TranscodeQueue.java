package com.pulsevault.queue;

import com.pulsevault.config.VaultConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enqueues transcode jobs: durably into the outbox first, then relayed to Redis at once and again
 * every {@code pulsevault.queue.relay-interval-seconds} until Redis has them. Finalize never waits
 * for Redis and never fails because of it.
 */
@Singleton
@Startup
@DependsOn("VaultConfig")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodeQueue {

    private static final Logger LOG = Logger.getLogger(TranscodeQueue.class.getName());

    @Inject
    VaultConfig config;
    @Inject
    VaultMetrics metrics;
    @Inject
    VideoRepository videos;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private JobOutbox outbox;
    private RedisJobQueue redis;
    private ScheduledFuture<?> relay;
    private final Object drainLock = new Object();
    private volatile boolean redisWasDown;
    /** Jobs in Redis as last seen by the relay: a metrics scrape reads this and never waits on Redis. */
    private volatile long lastRedisDepth;

    @PostConstruct
    void start() {
        outbox = new JobOutbox(config.settings().outboxDir());
        redis = new RedisJobQueue(config.settings());
        long every = config.settings().queueRelayInterval().toMillis();
        relay = scheduler.scheduleWithFixedDelay(this::relay, 0, every, TimeUnit.MILLISECONDS);
        metrics.queueLength(() -> lastRedisDepth + outbox.size());
    }

    @PreDestroy
    void stop() {
        relay.cancel(false);
        redis.close();
    }

    /**
     * Returns once the job is on disk; the periodic relay hands it to Redis, or {@link #relayNow()}
     * at once (call it when the video's meta.json is in place).
     */
    public void enqueue(String videoId) {
        outbox.record(TranscodeJob.forVideo(videoId, Clock.systemUTC().instant()));
    }

    public void relayNow() {
        scheduler.execute(this::relay);
    }

    /** Jobs in Redis waiting for a worker (for metrics); -1 when Redis cannot be asked. */
    public long depth() {
        try {
            return redis.depth();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public int waitingInOutbox() {
        return outbox.size();
    }

    /** videoId → JSON {job, reason, failedAt} of each job that ran out of attempts. */
    public Map<String, String> deadLetters() {
        return redis.deadLetters();
    }

    /** videoId → JSON {reason, failedAt} of each video that failed for good (not a video at all). */
    public Map<String, String> failures() {
        return redis.failures();
    }

    /** Gives a dead-lettered video a fresh set of attempts; false when it has no dead letter. */
    public boolean retryDeadLetter(String videoId) {
        return redis.retryDead(videoId);
    }

    /**
     * Transcodes a video again (new ffmpeg, new ladder settings, a failed attempt): meta.json goes back to
     * queued, so the worker does not skip it as done, then a new job is enqueued.
     *
     * @throws com.pulsevault.video.VideoNotFoundException for an unknown video
     */
    public void requeue(String videoId) {
        videos.update(new VideoId(videoId), video -> video.queuedAgain(Instant.now()));
        redis.forgetFailure(videoId);
        enqueue(videoId);
        relayNow();
    }

    private void relay() {
        synchronized (drainLock) {
            try {
                int sent = outbox.drainTo(redis::push);
                lastRedisDepth = redis.depth();
                if (redisWasDown) {
                    LOG.info("Redis reachable again; relayed " + sent + " waiting transcode job(s)");
                    redisWasDown = false;
                }
            } catch (Exception e) {
                if (!redisWasDown) {
                    LOG.log(Level.WARNING, "Redis is not reachable; transcode jobs wait in the outbox: " + e);
                    redisWasDown = true;
                }
            }
        }
    }
}
