package com.pulsevault.queue;

import com.pulsevault.settings.RedisClientConfig;
import com.pulsevault.settings.VaultSettings;
import jakarta.json.Json;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transcode jobs in Redis with at-least-once delivery: a Streams consumer group, so a job a worker
 * took stays pending until acknowledged and is reclaimed ({@code XAUTOCLAIM}) when its worker died.
 * Failed jobs wait in a sorted set until their back-off is over; jobs out of attempts go to a
 * dead-letter hash. Every step that moves a job between these does so in one MULTI.
 */
public class RedisJobQueue implements AutoCloseable {

    public static final String STREAM = "pulsevault:transcode:jobs";
    public static final String GROUP = "transcoders";
    /** job JSON scored by the epoch millisecond it may run again */
    public static final String RETRY = "pulsevault:transcode:retry";
    /** videoId → {job, reason, failedAt} */
    public static final String DEAD = "pulsevault:transcode:dead";
    /** videoId → {reason, failedAt} of videos that failed for good without a retry (the upload is not a video) */
    public static final String FAILED = "pulsevault:transcode:failed";
    private static final String FIELD = "job";

    private final JedisPool pool;

    public RedisJobQueue(VaultSettings settings) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(16);
        poolConfig.setJmxEnabled(false);
        // blocking reads wait up to 2 s, so the socket timeout must be longer than that
        pool = new JedisPool(poolConfig, RedisClientConfig.address(settings), RedisClientConfig.of(settings, 5000));
    }

    /** A job handed to one consumer, identified by its stream entry until acknowledged. */
    public record Delivery(StreamEntryID entry, TranscodeJob job) {
    }

    public void push(TranscodeJob job) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(FIELD, job.toJson()));
        }
    }

    /** Creates the consumer group (and the stream) unless they exist. */
    public void ensureGroup() {
        try (Jedis jedis = pool.getResource()) {
            jedis.xgroupCreate(STREAM, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** The next new job for {@code consumer}, waiting up to {@code blockMillis}. */
    public Optional<Delivery> next(String consumer, int blockMillis) {
        try (Jedis jedis = pool.getResource()) {
            var answer = jedis.xreadGroup(GROUP, consumer, XReadGroupParams.xReadGroupParams().count(1).block(blockMillis),
                    Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            if (answer == null || answer.isEmpty() || answer.get(0).getValue().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(delivery(answer.get(0).getValue().get(0)));
        }
    }

    /** Takes over one job whose consumer has not touched it for {@code minIdleMillis} (it died). */
    public Optional<Delivery> reclaim(String consumer, long minIdleMillis) {
        try (Jedis jedis = pool.getResource()) {
            var answer = jedis.xautoclaim(STREAM, GROUP, consumer, minIdleMillis, new StreamEntryID(0, 0),
                    new XAutoClaimParams().count(1));
            List<StreamEntry> entries = answer.getValue();
            if (entries.isEmpty() || entries.get(0) == null) {
                return Optional.empty();
            }
            return Optional.of(delivery(entries.get(0)));
        }
    }

    /** Tells Redis the consumer is still working on the job, so it is not reclaimed. */
    public void heartbeat(String consumer, Delivery d) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xclaimJustId(STREAM, GROUP, consumer, 0, new XClaimParams(), d.entry());
        }
    }

    public void ack(Delivery d) {
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            t.xack(STREAM, GROUP, d.entry());
            t.xdel(STREAM, d.entry());
            t.exec();
        }
    }

    /** Acknowledges the failed delivery and schedules the job's next attempt for {@code due}. */
    public void retryLater(Delivery d, Instant due) {
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            t.zadd(RETRY, due.toEpochMilli(), d.job().nextAttempt().toJson());
            t.xack(STREAM, GROUP, d.entry());
            t.xdel(STREAM, d.entry());
            t.exec();
        }
    }

    /** Puts a job back for any worker to take at once, its attempt count unchanged (a worker shutting down). */
    public void release(Delivery d) {
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            t.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(FIELD, d.job().toJson()));
            t.xack(STREAM, GROUP, d.entry());
            t.xdel(STREAM, d.entry());
            t.exec();
        }
    }

    /** Moves retries whose back-off is over back into the stream; returns how many. */
    public int promoteDue(Instant now) {
        int moved = 0;
        try (Jedis jedis = pool.getResource()) {
            for (String json : jedis.zrangeByScore(RETRY, 0, now.toEpochMilli(), 0, 20)) {
                if (jedis.zrem(RETRY, json) == 1) { // only the node that removed it re-adds it
                    jedis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(FIELD, json));
                    moved++;
                }
            }
        }
        return moved;
    }

    public void deadLetter(Delivery d, String reason, Instant now) {
        String record = Json.createObjectBuilder()
                .add("job", d.job().toJson())
                .add("reason", reason)
                .add("failedAt", now.toString())
                .build().toString();
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            t.hset(DEAD, d.job().videoId(), record);
            t.xack(STREAM, GROUP, d.entry());
            t.xdel(STREAM, d.entry());
            t.exec();
        }
    }

    /** Acknowledges a job that no retry can fix and lists its video among the failed ones. */
    public void failForGood(Delivery d, String reason, Instant now) {
        String record = Json.createObjectBuilder().add("reason", reason).add("failedAt", now.toString()).build().toString();
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            t.hset(FAILED, d.job().videoId(), record);
            t.xack(STREAM, GROUP, d.entry());
            t.xdel(STREAM, d.entry());
            t.exec();
        }
    }

    /** videoId → JSON {reason, failedAt} of every video that failed for good. */
    public Map<String, String> failures() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hgetAll(FAILED);
        }
    }

    /** The video is being transcoded again: it is no longer listed as failed. */
    public void forgetFailure(String videoId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hdel(FAILED, videoId);
        }
    }

    /** videoId → JSON {job, reason, failedAt} of every dead-lettered job. */
    public Map<String, String> deadLetters() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hgetAll(DEAD);
        }
    }

    /** Gives a dead-lettered job a fresh set of attempts; false if there was none for the video. */
    public boolean retryDead(String videoId) {
        try (Jedis jedis = pool.getResource()) {
            String record = jedis.hget(DEAD, videoId);
            if (record == null || jedis.hdel(DEAD, videoId) == 0) {
                return false;
            }
            String job = Json.createReader(new java.io.StringReader(record)).readObject().getString("job");
            jedis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(FIELD, TranscodeJob.fromJson(job).fresh().toJson()));
            return true;
        }
    }

    /** Jobs in the stream (waiting or being worked on) plus those waiting out a back-off. */
    public long depth() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.xlen(STREAM) + jedis.zcard(RETRY);
        }
    }

    private static Delivery delivery(StreamEntry e) {
        return new Delivery(e.getID(), TranscodeJob.fromJson(e.getFields().get(FIELD)));
    }

    @Override
    public void close() {
        pool.close();
    }
}
