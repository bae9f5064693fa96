package com.pulsevault.web.upload;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.upload.FinalizeRequest;
import com.pulsevault.upload.FinalizeResult;
import com.pulsevault.upload.FinalizeService;
import com.pulsevault.web.http.ClientAddresses;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /api/v1/uploads/finalize {uploadId, filename, userId, metadata}}: turns a complete
 * upload into a stored video. Repeating it for the same upload returns the same video.
 */
@Path("uploads/finalize")
@RequestScoped
public class FinalizeResource {

    /** Room for generous clinical metadata, not for a file smuggled into JSON. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    FinalizeService finalizer;
    @Inject
    VaultConfig config;
    @Context
    HttpServletRequest servlet;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response finalizeUpload(InputStream body) throws IOException {
        JsonObject json = parse(body);
        FinalizeRequest request = new FinalizeRequest(
                requiredString(json, "uploadId"),
                optionalString(json, "filename"),
                optionalString(json, "userId"),
                optionalObject(json, "metadata"));
        FinalizeResult result = finalizer.finalizeUpload(request,
                ClientAddresses.anonymised(servlet, config.settings().trustForwardedHeaders()));
        String answer = Json.createObjectBuilder()
                .add("videoId", result.videoId())
                .add("status", result.status())
                .add("size", result.size())
                .add("checksum", result.checksum())
                .add("transcoding", result.transcoding())
                .build().toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }

    private static JsonObject parse(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonValue value = Json.createReader(new ByteArrayInputStream(bytes)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProblemException(ProblemType.INVALID_JSON, "the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is not valid JSON");
        }
    }

    private static String requiredString(JsonObject json, String name) {
        String value = optionalString(json, name);
        if (value == null) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " is required");
        }
        return value;
    }

    private static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be a string");
        }
        return json.getString(name);
    }

    private static JsonObject optionalObject(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be a JSON object");
        }
        return value.asJsonObject();
    }
}
