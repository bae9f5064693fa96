package com.pulsevault.health;

import com.pulsevault.settings.RedisClientConfig;
import com.pulsevault.settings.VaultSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.Jedis;

/** Ready only when Redis answers PING: without it no transcode job reaches a worker. */
@Readiness
@Dependent
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    HealthSettings settings;

    @Override
    public HealthCheckResponse call() {
        VaultSettings s = settings.get();
        var builder = HealthCheckResponse.named("redis")
                .withData("host", s.redisHost())
                .withData("port", s.redisPort());
        try (Jedis jedis = new Jedis(RedisClientConfig.address(s), RedisClientConfig.of(s, 1000))) {
            return builder.status("PONG".equals(jedis.ping())).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
