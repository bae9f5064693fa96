package com.pulsevault.web.upload;

import com.pulsevault.upload.FinalizeRequest;
import com.pulsevault.upload.FinalizeResult;
import com.pulsevault.upload.FinalizeService;
import com.pulsevault.identity.Teams;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.http.JsonBodies;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/uploads/finalize {uploadId, filename, metadata, teams, onBehalfOf, title, description, tags}}: turns a
 * complete upload into a stored video. Repeating it for the same upload returns the same video. Who
 * finalizes is the caller of the token; a {@code userId} in the body, as older clients send, is ignored.
 */
@Path("uploads/finalize")
@RequestScoped
public class FinalizeResource {

    static final int MAX_TEAMS = 32;

    @Inject
    FinalizeService finalizer;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response finalizeUpload(InputStream body) throws IOException {
        JsonObject json = JsonBodies.object(body);
        FinalizeRequest request = new FinalizeRequest(
                JsonBodies.requiredString(json, "uploadId"),
                JsonBodies.optionalString(json, "filename"),
                JsonBodies.optionalObject(json, "metadata"),
                teams(json),
                onBehalfOf(json),
                details(json));
        FinalizeResult result = finalizer.finalizeUpload(caller.get(), request);
        String answer = Json.createObjectBuilder()
                .add("videoId", result.videoId())
                .add("status", result.status())
                .add("size", result.size())
                .add("checksum", result.checksum())
                .add("transcoding", result.transcoding())
                .build().toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }

    private static Set<String> teams(JsonObject json) {
        List<String> teams = JsonBodies.optionalStrings(json, "teams");
        if (teams == null) {
            return null;
        }
        if (teams.size() > MAX_TEAMS || !Teams.allValid(teams)) {
            throw new ProblemException(ProblemType.INVALID_JSON, "teams must be at most " + MAX_TEAMS
                    + " team names of 1 to 128 letters, digits, spaces or . _ : / -");
        }
        return new LinkedHashSet<>(teams);
    }

    /** The record's title, description and tags, if named: checked as a PATCH of them is (invalid-patch otherwise). */
    private static JsonObject details(JsonObject json) {
        var details = Json.createObjectBuilder();
        for (String name : List.of("title", "description", "tags")) {
            if (json.containsKey(name)) {
                details.add(name, json.get(name));
            }
        }
        return details.build();
    }

    private static String onBehalfOf(JsonObject json) {
        String subject = JsonBodies.optionalString(json, "onBehalfOf");
        if (subject != null && (subject.isBlank() || subject.length() > 255 || subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new ProblemException(ProblemType.INVALID_JSON, "onBehalfOf must be the subject (sub) of the clinician's tokens");
        }
        return subject;
    }
}
