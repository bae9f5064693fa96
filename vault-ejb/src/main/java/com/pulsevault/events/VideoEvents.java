package com.pulsevault.events;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes what happens to videos. Best effort by design: an event that cannot be written (Redis
 * down) is logged and dropped, never failing the upload, transcode or edit it tells of; the record in
 * meta.json stays the truth a client can always read.
 */
@ApplicationScoped
public class VideoEvents {

    private static final Logger LOG = Logger.getLogger(VideoEvents.class.getName());
    /** How many recent events a reconnecting client can resume from. */
    public static final long WINDOW = 10_000;

    @Inject
    VaultConfig config;

    private volatile EventLog log;

    public EventLog log() {
        EventLog l = log;
        if (l == null) {
            synchronized (this) {
                if (log == null) {
                    log = new EventLog(config.settings(), WINDOW);
                }
                l = log;
            }
        }
        return l;
    }

    @PreDestroy
    void close() {
        if (log != null) {
            log.close();
        }
    }

    /** A new video (finalize). */
    public void created(Video video) {
        publish(VideoEventType.FINALIZED, video, base(video));
    }

    /** A stored change: the event its transition stands for, if any. */
    public void changed(Video before, Video after) {
        for (VideoEventType type : Transitions.of(before, after)) {
            JsonObjectBuilder data = base(after);
            if (type == VideoEventType.PROGRESS) {
                data.add("percent", 0);
            }
            if (type == VideoEventType.FAILED && after.failureKind() != null) {
                data.add("reason", after.failureKind().code());
            }
            publish(type, after, data);
        }
    }

    /** How far the worker is, 0–100. */
    public void progress(Video video, int percent) {
        publish(VideoEventType.PROGRESS, video, base(video).add("status", VideoStatus.TRANSCODING.wire()).add("percent", percent));
    }

    private static JsonObjectBuilder base(Video v) {
        return Json.createObjectBuilder().add("videoId", v.id().value()).add("status", v.status().wire()).add("version", v.version());
    }

    private void publish(VideoEventType type, Video video, JsonObjectBuilder data) {
        try {
            log().append(new VideoEvent(null, type, video.id().value(), video.owner(), video.teams(), data.build()));
        } catch (RuntimeException e) {
            LOG.warning("event " + type.wire() + " for video " + video.id() + " was not published: " + e.getClass().getSimpleName());
        }
    }

    /** Which events a change of a video's record stands for. */
    static final class Transitions {
        private Transitions() {
        }

        static List<VideoEventType> of(Video before, Video after) {
            if (before.status() != after.status()) {
                return switch (after.status()) {
                    case TRANSCODING -> List.of(VideoEventType.PROGRESS);
                    case TRANSCODED -> List.of(VideoEventType.TRANSCODED);
                    case FAILED -> List.of(VideoEventType.FAILED);
                    case DELETED -> List.of(VideoEventType.DELETED);
                    default -> List.of();
                };
            }
            return after.editedSince(before.version()) ? List.of(VideoEventType.UPDATED) : List.of();
        }
    }
}
