package com.pulsevault.events;

import jakarta.json.JsonObject;

import java.util.Set;

/**
 * One lifecycle event. Owner and teams decide who is told (they are never sent); {@code data} is what
 * a client gets: the video id, its status and version, a percentage — never clinical text (a client
 * reads the record itself, through the access rules, when it wants more).
 *
 * @param id the event log's id once stored (an SSE {@code id}, for {@code Last-Event-ID}), else null
 */
public record VideoEvent(String id, VideoEventType type, String videoId, String owner, Set<String> teams, JsonObject data) {

    public VideoEvent {
        teams = Set.copyOf(teams);
    }

    VideoEvent stored(String logId) {
        return new VideoEvent(logId, type, videoId, owner, teams, data);
    }

    @Override
    public String toString() {
        return "VideoEvent[" + id + ", " + type.wire() + ", " + videoId + "]";
    }
}
