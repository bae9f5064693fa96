package com.pulsevault.settings;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;

/** How every part of the vault connects to Redis, from the {@code pulsevault.redis.*} settings. */
public final class RedisClientConfig {

    private RedisClientConfig() {
    }

    public static HostAndPort address(VaultSettings s) {
        return new HostAndPort(s.redisHost(), s.redisPort());
    }

    public static JedisClientConfig of(VaultSettings s, int timeoutMillis) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .database(s.redisDb())
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                // RESP2 is what every Redis 6+ speaks; saying so spares a negotiation warning per connection
                .protocol(RedisProtocol.RESP2)
                .clientName("pulsevault");
        s.redisPassword().ifPresent(client::password);
        return client.build();
    }
}
