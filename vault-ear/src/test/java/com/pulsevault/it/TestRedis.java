package com.pulsevault.it;

import redis.clients.jedis.Jedis;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * A private redis-server for the test run, on the free port Maven reserved (redis.port). Started
 * once, stopped and started again by tests that need Redis down, killed when the JVM exits.
 */
public final class TestRedis {

    public static final int PORT = Integer.getInteger("redis.port");
    private static Process process;

    private TestRedis() {
    }

    public static synchronized void ensureRunning() {
        if (process == null || !process.isAlive()) {
            start();
        }
    }

    public static synchronized void start() {
        try {
            File dir = new File(System.getProperty("java.io.tmpdir"), "pulsevault-it-redis-" + PORT);
            dir.mkdirs();
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.getAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(new File(dir, "redis.log"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed for the integration tests (Debian: apt-get install redis-server)", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Jedis jedis = jedis()) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("redis-server did not answer on port " + PORT);
    }

    public static synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    public static Jedis jedis() {
        return new Jedis("127.0.0.1", PORT);
    }
}
