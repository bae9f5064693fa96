package com.pulsevault.web.events;

import com.pulsevault.events.EventLog;
import com.pulsevault.events.VideoEvent;
import com.pulsevault.events.VideoEvents;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * This node's open event streams. One reader follows the shared event log (so a client on this node
 * hears every node) and hands each event to the streams whose caller may see the video; a stream that
 * resumes ({@code Last-Event-ID}) first gets what it missed, in order, without gaps or repeats.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
    static final int BLOCK_MILLIS = 10_000;
    static final long HEARTBEAT_MILLIS = 15_000;

    @Inject
    VideoEvents events;
    @Resource
    ManagedExecutorService executor;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean started;

    /** Opens a stream for {@code caller}: events after {@code lastEventId} (or from now) it may see. */
    void subscribe(Caller caller, SseEventSink sink, Sse sse, String lastEventId) {
        EventLog log = events.log();
        startReader();
        String from = lastEventId;
        if (from != null && log.firstId().map(first -> EventLog.compare(lastEventId, first) < 0).orElse(false)) {
            // older than the window: say so, so the client reloads what it shows
            sink.send(sse.newEventBuilder().name("events.reset").data("{}").build());
        }
        if (from == null) {
            from = log.lastId();
        }
        Subscriber s = new Subscriber(caller, sink, sse, from);
        subscribers.add(s);
        try {
            for (List<VideoEvent> batch = log.after(from, 500); !batch.isEmpty(); batch = log.after(from, 500)) {
                batch.forEach(s::replay);
                from = batch.get(batch.size() - 1).id();
            }
        } finally {
            s.replayed();
        }
    }

    private synchronized void startReader() {
        if (started) {
            return;
        }
        started = true;
        running = true;
        executor.execute(this::follow);
    }

    private void follow() {
        EventLog log = events.log();
        String last = log.lastId();
        long lastBeat = System.currentTimeMillis();
        while (running) {
            try {
                List<VideoEvent> batch = log.await(last, BLOCK_MILLIS);
                for (VideoEvent e : batch) {
                    subscribers.forEach(s -> s.live(e));
                    last = e.id();
                }
                if (System.currentTimeMillis() - lastBeat > HEARTBEAT_MILLIS) {
                    subscribers.forEach(Subscriber::heartbeat); // keeps proxies from closing an idle stream
                    lastBeat = System.currentTimeMillis();
                }
                subscribers.removeIf(Subscriber::closed);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warning("event stream reader: " + e.getClass().getSimpleName() + "; retrying");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        subscribers.forEach(Subscriber::close);
    }

    /** One open stream: sends in id order, each event once; queues live events while it replays. */
    static final class Subscriber {
        private final Caller caller;
        private final SseEventSink sink;
        private final Sse sse;
        private final ArrayDeque<VideoEvent> queued = new ArrayDeque<>();
        private String lastSent;
        private boolean replaying = true;

        Subscriber(Caller caller, SseEventSink sink, Sse sse, String after) {
            this.caller = caller;
            this.sink = sink;
            this.sse = sse;
            this.lastSent = after;
        }

        synchronized void replay(VideoEvent e) {
            send(e);
        }

        synchronized void replayed() {
            replaying = false;
            while (!queued.isEmpty()) {
                send(queued.poll());
            }
        }

        synchronized void live(VideoEvent e) {
            if (replaying) {
                queued.add(e);
            } else {
                send(e);
            }
        }

        private void send(VideoEvent e) {
            if (EventLog.compare(e.id(), lastSent) <= 0 || sink.isClosed()) {
                return;
            }
            lastSent = e.id();
            if (!AccessRules.maySee(caller, e.owner(), e.teams())) {
                return;
            }
            OutboundSseEvent event = sse.newEventBuilder().id(e.id()).name(e.type().wire()).data(e.data().toString()).build();
            sink.send(event);
        }

        synchronized void heartbeat() {
            if (!sink.isClosed()) {
                sink.send(sse.newEventBuilder().comment("").build());
            }
        }

        boolean closed() {
            return sink.isClosed();
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // closing on undeploy
            }
        }
    }
}
