package com.pulsevault.queue;

import com.pulsevault.settings.RedisClientConfig;
import com.pulsevault.settings.VaultSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The Redis list that transcode workers take jobs from. */
public class RedisJobQueue implements AutoCloseable {

    /** Producers LPUSH, consumers take from the right: first in, first out. */
    public static final String QUEUE_KEY = "pulsevault:transcode:queue";

    private final JedisPool pool;

    public RedisJobQueue(VaultSettings settings) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(8);
        poolConfig.setJmxEnabled(false);
        pool = new JedisPool(poolConfig, RedisClientConfig.address(settings), RedisClientConfig.of(settings, 3000));
    }

    public void push(TranscodeJob job) {
        try (Jedis jedis = pool.getResource()) {
            jedis.lpush(QUEUE_KEY, job.toJson());
        }
    }

    public long depth() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.llen(QUEUE_KEY);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
