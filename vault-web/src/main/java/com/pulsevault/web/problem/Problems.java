package com.pulsevault.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Builds {@code application/problem+json} responses. The detail never carries a stack trace or PHI. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(ProblemType type, String detail) {
        return builder(type, detail, Map.of()).build();
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail, Map<String, Object> extensions) {
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .entity(body(type, detail, extensions).toString());
    }

    /** The problem document itself, for answers written outside JAX-RS (servlet filters). */
    public static JsonObject body(ProblemType type, String detail, Map<String, Object> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status());
        if (detail != null) {
            body.add("detail", detail);
        }
        extensions.forEach((k, v) -> {
            if (v instanceof Number n) {
                body.add(k, n.longValue());
            } else {
                body.add(k, String.valueOf(v));
            }
        });
        return body.build();
    }

    /** Thrown where a resource must stop with a problem it chose itself. */
    public static final class ProblemException extends RuntimeException {
        private final ProblemType type;

        public ProblemException(ProblemType type, String detail) {
            super(detail, null, false, false);
            this.type = type;
        }

        public ProblemType type() {
            return type;
        }
    }
}
