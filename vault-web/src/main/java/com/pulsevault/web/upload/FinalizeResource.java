package com.pulsevault.web.upload;

import com.pulsevault.upload.FinalizeRequest;
import com.pulsevault.upload.FinalizeResult;
import com.pulsevault.upload.FinalizeService;
import com.pulsevault.web.http.RequestClient;
import com.pulsevault.web.http.JsonBodies;
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

/**
 * {@code POST /api/v1/uploads/finalize {uploadId, filename, userId, metadata}}: turns a complete
 * upload into a stored video. Repeating it for the same upload returns the same video.
 */
@Path("uploads/finalize")
@RequestScoped
public class FinalizeResource {

    @Inject
    FinalizeService finalizer;
    @Inject
    RequestClient client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response finalizeUpload(InputStream body) throws IOException {
        JsonObject json = JsonBodies.object(body);
        FinalizeRequest request = new FinalizeRequest(
                JsonBodies.requiredString(json, "uploadId"),
                JsonBodies.optionalString(json, "filename"),
                JsonBodies.optionalString(json, "userId"),
                JsonBodies.optionalObject(json, "metadata"));
        FinalizeResult result = finalizer.finalizeUpload(request,
                client.anonymisedAddress());
        String answer = Json.createObjectBuilder()
                .add("videoId", result.videoId())
                .add("status", result.status())
                .add("size", result.size())
                .add("checksum", result.checksum())
                .add("transcoding", result.transcoding())
                .build().toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }
}
