package com.pulsevault.web.admin;

import com.pulsevault.audit.ActorReference;
import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.metadata.VideoNotFoundException;
import com.pulsevault.queue.TranscodeQueue;
import com.pulsevault.web.http.RequestClient;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operations on the transcode queue for hospital IT: what waits and what failed for good, retrying a
 * dead letter, and transcoding a video again. Every change is an {@code admin} audit entry.
 */
@Path("admin/transcodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranscodeAdminResource {

    @Inject
    TranscodeQueue queue;
    @Inject
    AuditTrail audit;
    @Inject
    RequestClient client;

    @GET
    public Response overview() {
        JsonArrayBuilder dead = Json.createArrayBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(queue.deadLetters()).entrySet()) {
            JsonObject record = Json.createReader(new StringReader(e.getValue())).readObject();
            JsonObject job = Json.createReader(new StringReader(record.getString("job"))).readObject();
            dead.add(Json.createObjectBuilder()
                    .add("videoId", e.getKey())
                    .add("reason", record.getString("reason"))
                    .add("failedAt", record.getString("failedAt"))
                    .add("attempts", job.getInt("attempt", 0) + 1));
        }
        JsonArrayBuilder failed = Json.createArrayBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(queue.failures()).entrySet()) {
            JsonObject record = Json.createReader(new StringReader(e.getValue())).readObject();
            failed.add(Json.createObjectBuilder()
                    .add("videoId", e.getKey())
                    .add("reason", record.getString("reason"))
                    .add("failedAt", record.getString("failedAt")));
        }
        String body = Json.createObjectBuilder()
                .add("queueDepth", queue.depth())
                .add("waitingForRedis", queue.waitingInOutbox())
                .add("deadLetters", dead)
                .add("failed", failed)
                .build().toString();
        return Response.ok(body).build();
    }

    @POST
    @Path("dead/{videoId}/retry")
    public Response retryDeadLetter(@PathParam("videoId") String videoId) {
        if (!MetadataStore.isVideoId(videoId) || !queue.retryDeadLetter(videoId)) {
            throw new ProblemException(ProblemType.VIDEO_NOT_FOUND, "No dead-lettered transcode for this video");
        }
        record("transcode.retry-dead-letter", videoId);
        return accepted(videoId);
    }

    @POST
    @Path("videos/{videoId}")
    public Response requeue(@PathParam("videoId") String videoId) {
        try {
            queue.requeue(videoId);
        } catch (VideoNotFoundException e) {
            throw new ProblemException(ProblemType.VIDEO_NOT_FOUND, "No such video");
        }
        record("transcode.requeue", videoId);
        return accepted(videoId);
    }

    private Response accepted(String videoId) {
        return Response.accepted(Json.createObjectBuilder().add("videoId", videoId).add("transcoding", "queued").build().toString()).build();
    }

    private void record(String action, String videoId) {
        audit.record(AuditCategory.ADMIN, AuditEntry.success(action, videoId, null, ActorReference.ANONYMOUS,
                client.anonymisedAddress()));
    }
}
