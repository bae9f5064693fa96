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

    private final JedisPool pool;
    private final long window;

    public EventLog(VaultSettings settings, long window) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(16);
        config.setJmxEnabled(false);
        // a blocking read waits up to BLOCK_MILLIS: the socket timeout must be longer
        pool = new JedisPool(config, RedisClientConfig.address(settings), RedisClientConfig.of(settings, 15_000));
        this.window = window;
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
        try (Jedis jedis = pool.getResource()) {
            StreamEntryID id = jedis.xadd(STREAM, XAddParams.xAddParams().maxLen(window).approximateTrimming(), fields);
            return event.stored(id.toString());
        }
    }

    /** Up to {@code count} events after {@code afterId}, oldest first. */
    public List<VideoEvent> after(String afterId, int count) {
        try (Jedis jedis = pool.getResource()) {
            return decode(jedis.xrange(STREAM, "(" + afterId, "+", count));
        }
    }

    /** The events after {@code afterId}, waiting up to {@code blockMillis} for one. */
    public List<VideoEvent> await(String afterId, int blockMillis) {
        try (Jedis jedis = pool.getResource()) {
            var answer = jedis.xread(XReadParams.xReadParams().block(blockMillis).count(500), Map.of(STREAM, new StreamEntryID(afterId)));
            return answer == null || answer.isEmpty() ? List.of() : decode(answer.get(0).getValue());
        }
    }

    /** The id of the newest event, or {@code 0-0} while there is none. */
    public String lastId() {
        try (Jedis jedis = pool.getResource()) {
            List<StreamEntry> last = jedis.xrevrange(STREAM, "+", "-", 1);
            return last.isEmpty() ? "0-0" : last.get(0).getID().toString();
        }
    }

    /** The id of the oldest event kept, if any: a resume from before it has missed events. */
    public Optional<String> firstId() {
        try (Jedis jedis = pool.getResource()) {
            List<StreamEntry> first = jedis.xrange(STREAM, "-", "+", 1);
            return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).getID().toString());
        }
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
        try (Jedis jedis = pool.getResource()) {
            jedis.setex(key, seconds, value);
        }
    }

    /** Takes the value and removes it in one step (GETDEL): a ticket is redeemed once, on one node. */
    Optional<String> takeTicket(String key) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.getDel(key));
        }
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
    }
}
