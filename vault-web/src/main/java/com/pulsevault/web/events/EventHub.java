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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * This node's open event streams. One reader follows the shared event log (so a client on this node
 * hears every node) and queues each event for the streams whose caller may see the video; each stream
 * is written by a task of its own, so a client that stops reading holds up nobody but itself (and is
 * closed when its queue is full). A stream that resumes ({@code Last-Event-ID}) first gets what it
 * missed, in order, without gaps or repeats. A stream lasts at most {@link #MAX_STREAM_MILLIS}: the
 * caller's roles and teams are those of when it opened, so it must come back (with Last-Event-ID) to
 * be authorised again.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
    static final int BLOCK_MILLIS = 10_000;
    static final long HEARTBEAT_MILLIS = 15_000;
    static final long MAX_STREAM_MILLIS = 15 * 60_000;
    static final int MAX_QUEUED = 1_000;
    static final int WRITE_TIMEOUT_SECONDS = 30;

    @Inject
    VideoEvents events;
    @Resource
    ManagedExecutorService executor;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private boolean reading;

    /**
     * Opens a stream for {@code caller}: events after {@code lastEventId} (or from now) it may see.
     *
     * @throws IllegalArgumentException when {@code lastEventId} names an event not written yet
     */
    void subscribe(Caller caller, SseEventSink sink, Sse sse, String lastEventId) {
        EventLog log = events.log();
        String newest = log.lastId();
        if (lastEventId != null && EventLog.compare(lastEventId, newest) > 0) {
            throw new IllegalArgumentException("not an event of this vault");
        }
        ensureReader();
        Subscriber s = new Subscriber(caller, sink, sse, lastEventId == null ? newest : lastEventId, executor);
        if (lastEventId != null && log.firstId().map(first -> EventLog.compare(lastEventId, first) < 0).orElse(false)) {
            s.reset(); // older than the window: the client reloads what it shows
        }
        subscribers.add(s);
        try {
            String from = s.after();
            for (List<VideoEvent> batch = log.after(from, 500); !batch.isEmpty(); batch = log.after(from, 500)) {
                batch.forEach(s::offer);
                from = batch.get(batch.size() - 1).id();
            }
        } finally {
            s.replayed();
        }
    }

    private synchronized void ensureReader() {
        if (!reading && running) {
            reading = true;
            executor.execute(this::follow);
        }
    }

    private synchronized void readerEnded() {
        reading = false; // the next subscriber starts another
    }

    private void follow() {
        EventLog log = events.log();
        String last = null;
        long lastBeat = System.currentTimeMillis();
        try {
            while (running) {
                try {
                    if (last == null) {
                        last = log.lastId();
                    }
                    for (VideoEvent e : log.await(last, BLOCK_MILLIS)) {
                        subscribers.forEach(s -> s.live(e));
                        last = e.id();
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warning("event stream reader: " + e.getClass().getSimpleName() + "; retrying");
                    Thread.sleep(1000);
                }
                long now = System.currentTimeMillis();
                if (now - lastBeat > HEARTBEAT_MILLIS) {
                    subscribers.forEach(s -> s.heartbeatOrEnd(now)); // keeps proxies from closing an idle stream
                    lastBeat = now;
                }
                subscribers.removeIf(Subscriber::closed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readerEnded();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        subscribers.forEach(Subscriber::close);
    }

    /** One open stream: events in id order, each once; written by its own task, never by the reader. */
    static final class Subscriber {
        private final Caller caller;
        private final SseEventSink sink;
        private final Sse sse;
        private final Executor executor;
        private final long opened = System.currentTimeMillis();
        private final ArrayDeque<OutboundSseEvent> outbox = new ArrayDeque<>();
        private final ArrayDeque<VideoEvent> whileReplaying = new ArrayDeque<>();
        private String lastQueued;
        private boolean replaying = true;
        private boolean writing;
        private volatile boolean closed;

        Subscriber(Caller caller, SseEventSink sink, Sse sse, String after, Executor executor) {
            this.caller = caller;
            this.sink = sink;
            this.sse = sse;
            this.lastQueued = after;
            this.executor = executor;
        }

        synchronized String after() {
            return lastQueued;
        }

        synchronized void reset() {
            enqueue(sse.newEventBuilder().name("events.reset").data("{}").build());
        }

        /** A replayed event. */
        synchronized void offer(VideoEvent e) {
            take(e);
        }

        synchronized void replayed() {
            replaying = false;
            while (!whileReplaying.isEmpty()) {
                take(whileReplaying.poll());
            }
        }

        /** An event the reader just read: queued behind the replay while that runs. */
        synchronized void live(VideoEvent e) {
            if (replaying) {
                whileReplaying.add(e);
            } else {
                take(e);
            }
        }

        private void take(VideoEvent e) {
            if (EventLog.compare(e.id(), lastQueued) <= 0) {
                return; // sent already (replay and live overlap)
            }
            lastQueued = e.id();
            if (AccessRules.maySee(caller, e.owner(), e.teams())) {
                enqueue(sse.newEventBuilder().id(e.id()).name(e.type().wire()).data(e.data().toString()).build());
            }
        }

        synchronized void heartbeatOrEnd(long now) {
            if (now - opened > MAX_STREAM_MILLIS) {
                close(); // the client comes back with Last-Event-ID and is authorised again
            } else {
                enqueue(sse.newEventBuilder().comment("").build());
            }
        }

        private void enqueue(OutboundSseEvent event) {
            if (closed) {
                return;
            }
            if (outbox.size() >= MAX_QUEUED) {
                close(); // it stopped reading: it resumes from what it got when it comes back
                return;
            }
            outbox.add(event);
            if (!writing) {
                writing = true;
                executor.execute(this::write);
            }
        }

        /** Writes what is queued; the sink's writes block while the client is slow, only this task waits. */
        private void write() {
            while (true) {
                OutboundSseEvent next;
                synchronized (this) {
                    next = outbox.poll();
                    if (next == null || closed) {
                        writing = false;
                        return;
                    }
                }
                try {
                    // bounded: on a connection the client dropped, the server's write may never complete
                    sink.send(next).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException | RuntimeException gone) {
                    abandon();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandon();
                    return;
                }
            }
        }

        boolean closed() {
            return closed || sink.isClosed();
        }

        /** Ends the stream; the client resumes with Last-Event-ID. */
        void close() {
            boolean idle;
            synchronized (this) {
                closed = true;
                idle = !writing;
            }
            if (idle) { // closing waits for a write in flight, which may never end: that one is abandoned instead
                try {
                    sink.close();
                } catch (RuntimeException ignored) {
                    // already closed by the client or the server
                }
            }
        }

        /** A write that failed or hung: the connection is gone; nothing more is sent (the container frees it). */
        private synchronized void abandon() {
            closed = true;
            writing = false;
            outbox.clear();
        }
    }
}
