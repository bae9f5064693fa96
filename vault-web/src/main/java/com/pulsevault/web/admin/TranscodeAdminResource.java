package com.pulsevault.web.admin;

import com.pulsevault.queue.TranscodeOperations;
import com.pulsevault.queue.TranscodeOperations.Overview;
import com.pulsevault.web.auth.CurrentCaller;
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
 * Operations on the transcode queue for hospital IT (admin role): what waits and what failed for good,
 * retrying a dead letter, and transcoding a video again. Every change is an {@code admin} audit entry.
 */
@Path("admin/transcodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranscodeAdminResource {

    @Inject
    TranscodeOperations operations;
    @Inject
    CurrentCaller caller;

    @GET
    public Response overview() {
        Overview overview = operations.overview(caller.get());
        JsonArrayBuilder dead = Json.createArrayBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(overview.deadLetters()).entrySet()) {
            JsonObject record = Json.createReader(new StringReader(e.getValue())).readObject();
            JsonObject job = Json.createReader(new StringReader(record.getString("job"))).readObject();
            dead.add(Json.createObjectBuilder()
                    .add("videoId", e.getKey())
                    .add("reason", record.getString("reason"))
                    .add("failedAt", record.getString("failedAt"))
                    .add("attempts", job.getInt("attempt", 0) + 1));
        }
        JsonArrayBuilder failed = Json.createArrayBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(overview.failed()).entrySet()) {
            JsonObject record = Json.createReader(new StringReader(e.getValue())).readObject();
            failed.add(Json.createObjectBuilder()
                    .add("videoId", e.getKey())
                    .add("reason", record.getString("reason"))
                    .add("failedAt", record.getString("failedAt")));
        }
        String body = Json.createObjectBuilder()
                .add("queueDepth", overview.queueDepth())
                .add("waitingForRedis", overview.waitingForRedis())
                .add("deadLetters", dead)
                .add("failed", failed)
                .build().toString();
        return Response.ok(body).build();
    }

    @POST
    @Path("dead/{videoId}/retry")
    public Response retryDeadLetter(@PathParam("videoId") String videoId) {
        operations.retryDeadLetter(caller.get(), videoId);
        return accepted(videoId);
    }

    @POST
    @Path("videos/{videoId}")
    public Response requeue(@PathParam("videoId") String videoId) {
        operations.requeue(caller.get(), videoId);
        return accepted(videoId);
    }

    private Response accepted(String videoId) {
        return Response.accepted(Json.createObjectBuilder().add("videoId", videoId).add("transcoding", "queued").build().toString()).build();
    }
}
