package com.pulsevault.queue;

import com.pulsevault.settings.VaultSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue against a real redis-server: what at-least-once delivery promises. */
class RedisJobQueueTest {

    static RedisServer redis;
    RedisJobQueue queue;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new RedisServer();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void setUp() {
        try (Jedis j = new Jedis("127.0.0.1", redis.port)) {
            j.flushAll();
        }
        queue = new RedisJobQueue(VaultSettings.from(name -> name.equals(VaultSettings.REDIS_PORT)
                ? Optional.of(String.valueOf(redis.port)) : Optional.empty()));
        queue.ensureGroup();
    }

    @AfterEach
    void tearDown() {
        queue.close();
    }

    @Test
    void aJobIsDeliveredToOneConsumerOnly() {
        queue.push(job("v1"));
        assertEquals("v1", queue.next("a", 100).orElseThrow().job().videoId());
        assertTrue(queue.next("b", 100).isEmpty());
    }

    @Test
    void anAcknowledgedJobIsGone() {
        queue.push(job("v1"));
        queue.ack(queue.next("a", 100).orElseThrow());
        assertTrue(queue.reclaim("b", 0).isEmpty());
        assertEquals(0, queue.depth());
    }

    @Test
    void aJobWhoseConsumerDiedIsReclaimedByAnother() throws Exception {
        queue.push(job("v1"));
        queue.next("dead-worker", 100).orElseThrow();
        Thread.sleep(60); // the job has now been idle for longer than the visibility timeout below
        RedisJobQueue.Delivery again = queue.reclaim("live-worker", 50).orElseThrow();
        assertEquals("v1", again.job().videoId());
    }

    @Test
    void aHeartbeatKeepsAJobFromBeingReclaimed() throws Exception {
        queue.push(job("v1"));
        RedisJobQueue.Delivery d = queue.next("a", 100).orElseThrow();
        Thread.sleep(60);
        queue.heartbeat("a", d);
        assertTrue(queue.reclaim("b", 50).isEmpty());
    }

    @Test
    void aRetryWaitsForItsBackOffAndComesBackAsTheNextAttempt() {
        queue.push(job("v1"));
        Instant due = Instant.now().plusSeconds(60);
        queue.retryLater(queue.next("a", 100).orElseThrow(), due);
        assertEquals(0, queue.promoteDue(due.minusSeconds(1)));
        assertTrue(queue.next("a", 100).isEmpty());
        assertEquals(1, queue.promoteDue(due));
        RedisJobQueue.Delivery retried = queue.next("a", 100).orElseThrow();
        assertEquals(1, retried.job().attempt());
    }

    @Test
    void aDeadLetteredJobKeepsItsReasonAndCanBeRetriedAfresh() {
        queue.push(job("v1").nextAttempt().nextAttempt());
        queue.deadLetter(queue.next("a", 100).orElseThrow(), "unsupported media", Instant.now());
        Map<String, String> dead = queue.deadLetters();
        assertTrue(dead.get("v1").contains("unsupported media"));
        assertTrue(queue.retryDead("v1"));
        assertTrue(queue.deadLetters().isEmpty());
        assertEquals(0, queue.next("a", 100).orElseThrow().job().attempt());
    }

    @Test
    void depthCountsWaitingWorkingAndBackingOffJobs() {
        queue.push(job("v1"));
        queue.push(job("v2"));
        queue.retryLater(queue.next("a", 100).orElseThrow(), Instant.now().plusSeconds(60));
        assertEquals(2, queue.depth());
    }

    static TranscodeJob job(String videoId) {
        return TranscodeJob.forVideo(videoId, Instant.now());
    }
}
