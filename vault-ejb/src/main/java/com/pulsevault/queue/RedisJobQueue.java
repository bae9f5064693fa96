package com.pulsevault.queue;

import com.pulsevault.settings.VaultSettings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The Redis list that transcode workers take jobs from. */
public class RedisJobQueue implements AutoCloseable {

    /** Producers LPUSH, consumers take from the right: first in, first out. */
    public static final String QUEUE_KEY = "pulsevault:transcode:queue";

    private final JedisPool pool;

    public RedisJobQueue(VaultSettings settings) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .database(settings.redisDb())
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(5000)
                .clientName("pulsevault");
        settings.redisPassword().ifPresent(client::password);
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(8);
        poolConfig.setJmxEnabled(false);
        pool = new JedisPool(poolConfig, new HostAndPort(settings.redisHost(), settings.redisPort()), client.build());
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
