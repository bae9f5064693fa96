package com.pulsevault.web.catalog;

import com.pulsevault.audit.VideoHistory;
import com.pulsevault.web.audit.AuditResource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** A video's history: {@code {videoId, from, to, ok, chains:[…], events:[…]}}, events oldest first. */
final class HistoryJson {

    private HistoryJson() {
    }

    static String write(String videoId, VideoHistory.Result history) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (VideoHistory.Event e : history.events()) {
            JsonObjectBuilder event = Json.createObjectBuilder()
                    .add("time", e.time())
                    .add("chain", e.category().fileName())
                    .add("action", e.action())
                    .add("outcome", e.outcome());
            add(event, "actor", e.actor());
            add(event, "onBehalfOf", e.onBehalfOf());
            add(event, "app", e.app());
            add(event, "client", e.client());
            add(event, "detail", e.detail());
            events.add(event);
        }
        JsonArrayBuilder chains = Json.createArrayBuilder();
        history.chains().values().forEach(report -> chains.add(AuditResource.json(report)));
        boolean ok = history.chains().values().stream().allMatch(r -> r.ok());
        return Json.createObjectBuilder()
                .add("videoId", videoId)
                .add("from", history.days().from().toString())
                .add("to", history.days().to().toString())
                .add("ok", ok)
                .add("chains", chains)
                .add("events", events)
                .build().toString();
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
