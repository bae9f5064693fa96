package com.pulsevault.events;

import com.pulsevault.settings.RedisClientConfig;
import com.pulsevault.settings.VaultSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle events of every node, in one Redis stream: a node that appends is heard by clients
 * connected to any node, and the stream's recent past (its last {@code window} entries) lets a client
 * that reconnects with {@code Last-Event-ID} resume.
 */
public class EventLog implements AutoCloseable {

    public static final String STREAM = "pulsevault:events";

    /** Blocking reads of the stream (they wait up to 10 s): a socket timeout longer than that. */
    private final JedisPool readers;
    /** Everything else: short timeouts, so a hung Redis delays a finalize or an edit by a second at most. */
    private final JedisPool pool;
    private final long window;

    public EventLog(VaultSettings settings, long window) {
        readers = new JedisPool(config(), RedisClientConfig.address(settings), RedisClientConfig.of(settings, 15_000));
        pool = new JedisPool(config(), RedisClientConfig.address(settings), RedisClientConfig.of(settings, 1_000));
        this.window = window;
    }

    private static JedisPoolConfig config() {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(16);
        config.setJmxEnabled(false);
        config.setMaxWait(java.time.Duration.ofSeconds(1));
        return config;
    }

    /** Runs one Redis call; Redis not answering is {@link EventsUnavailableException}. */
    private <T> T redis(JedisPool from, java.util.function.Function<Jedis, T> call) {
        try (Jedis jedis = from.getResource()) {
            return call.apply(jedis);
        } catch (redis.clients.jedis.exceptions.JedisException e) {
            throw new EventsUnavailableException();
        }
    }

    public VideoEvent append(VideoEvent event) {
        Map<String, String> fields = new HashMap<>();
        fields.put("type", event.type().wire());
        fields.put("videoId", event.videoId());
        if (event.owner() != null) {
            fields.put("owner", event.owner());
        }
        fields.put("teams", String.join("\n", event.teams()));
        fields.put("data", event.data().toString());
        StreamEntryID id = redis(pool, jedis -> jedis.xadd(STREAM, XAddParams.xAddParams().maxLen(window).approximateTrimming(), fields));
        return event.stored(id.toString());
    }

    /** Up to {@code count} events after {@code afterId}, oldest first. */
    public List<VideoEvent> after(String afterId, int count) {
        return decode(redis(pool, jedis -> jedis.xrange(STREAM, "(" + afterId, "+", count)));
    }

    /** The events after {@code afterId}, waiting up to {@code blockMillis} for one. */
    public List<VideoEvent> await(String afterId, int blockMillis) {
        var answer = redis(readers, jedis -> jedis.xread(XReadParams.xReadParams().block(blockMillis).count(500),
                Map.of(STREAM, new StreamEntryID(afterId))));
        return answer == null || answer.isEmpty() ? List.of() : decode(answer.get(0).getValue());
    }

    /** The id of the newest event, or {@code 0-0} while there is none. */
    public String lastId() {
        List<StreamEntry> last = redis(pool, jedis -> jedis.xrevrange(STREAM, "+", "-", 1));
        return last.isEmpty() ? "0-0" : last.get(0).getID().toString();
    }

    /** The id of the oldest event kept, if any: a resume from before it has missed events. */
    public Optional<String> firstId() {
        List<StreamEntry> first = redis(pool, jedis -> jedis.xrange(STREAM, "-", "+", 1));
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).getID().toString());
    }

    private static List<VideoEvent> decode(List<StreamEntry> entries) {
        List<VideoEvent> events = new ArrayList<>();
        for (StreamEntry e : entries) {
            Map<String, String> f = e.getFields();
            Optional<VideoEventType> type = VideoEventType.of(f.getOrDefault("type", ""));
            if (type.isEmpty() || f.get("videoId") == null) {
                continue; // written by a newer version: not for this one's clients
            }
            String teams = f.getOrDefault("teams", "");
            JsonObject data = Json.createReader(new StringReader(f.getOrDefault("data", "{}"))).readObject();
            events.add(new VideoEvent(e.getID().toString(), type.get(), f.get("videoId"), f.get("owner"),
                    teams.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(teams.split("\n"))), data));
        }
        return events;
    }

    /** Stores a value that expires, for {@link EventTickets}. */
    void putTicket(String key, String value, int seconds) {
        redis(pool, jedis -> jedis.setex(key, seconds, value));
    }

    /** Takes the value and removes it in one step (GETDEL): a ticket is redeemed once, on one node. */
    Optional<String> takeTicket(String key) {
        return Optional.ofNullable(redis(pool, jedis -> jedis.getDel(key)));
    }

    /** Orders two stream ids ({@code <millis>-<sequence>}). */
    public static int compare(String a, String b) {
        long[] x = parts(a);
        long[] y = parts(b);
        return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
    }

    /** @throws IllegalArgumentException for anything that is not a stream id */
    public static long[] parts(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        if (dash <= 0 || id.length() > 41) {
            throw new IllegalArgumentException("not an event id");
        }
        try {
            long ms = Long.parseLong(id.substring(0, dash));
            long seq = Long.parseLong(id.substring(dash + 1));
            if (ms < 0 || seq < 0) {
                throw new IllegalArgumentException("not an event id");
            }
            return new long[]{ms, seq};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an event id");
        }
    }

    @Override
    public void close() {
        pool.close();
        readers.close();
    }
}
