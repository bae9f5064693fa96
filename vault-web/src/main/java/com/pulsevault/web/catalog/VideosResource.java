package com.pulsevault.web.catalog;

import com.pulsevault.catalog.Catalog;
import com.pulsevault.catalog.CatalogCursor;
import com.pulsevault.catalog.CatalogEntry;
import com.pulsevault.catalog.CatalogPage;
import com.pulsevault.catalog.VideoFilter;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoJson;
import com.pulsevault.video.VideoStatus;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import com.pulsevault.web.http.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/videos}: the videos the caller may see, newest first, a page at a time, and
 * {@code GET /api/v1/videos/{id}}: one video's whole record. Filters carry no clinical text (search
 * terms travel in a body, never in a URL).
 */
@Path("videos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VideosResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Catalog catalog;
    @Inject
    CurrentCaller caller;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("owner") String owner, @QueryParam("team") String team,
                         @QueryParam("uploadedFrom") String uploadedFrom, @QueryParam("uploadedTo") String uploadedTo,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (owner != null && !"me".equals(owner)) {
            throw invalid("owner can only be \"me\"");
        }
        VideoFilter filter = new VideoFilter(status(status), owner != null, team, instant("uploadedFrom", uploadedFrom),
                instant("uploadedTo", uploadedTo), limit(limit), cursor(cursor));
        CatalogPage page = catalog.list(caller.get(), filter);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (CatalogEntry e : page.items()) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", e.videoId())
                    .add("status", e.status())
                    .add("uploadedAt", e.uploadedAt().toString())
                    .add("duration", e.duration())
                    .add("renditions", e.renditions());
            item.add("title", e.title() == null ? jakarta.json.JsonValue.NULL : Json.createValue(e.title()));
            item.add("poster", e.poster() == null ? jakarta.json.JsonValue.NULL : Json.createValue(e.poster()));
            items.add(item);
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        body.add("next", page.next() == null ? jakarta.json.JsonValue.NULL : Json.createValue(page.next().encode()));
        return Response.ok(body.build().toString()).build();
    }

    @GET
    @Path("{videoId}")
    public Response get(@PathParam("videoId") String videoId) {
        Video video = catalog.get(caller.get(), videoId);
        return Response.ok(VideoJson.write(video).toString())
                .tag(new EntityTag(String.valueOf(video.version())))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** RFC 7396 merge patch of title, description, tags, metadata and teams; If-Match names the version it is based on. */
    @PATCH
    @Path("{videoId}")
    @Consumes(MERGE_PATCH)
    public Response update(@PathParam("videoId") String videoId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           InputStream body) throws IOException {
        JsonObject patch = JsonBodies.object(body);
        Video video = catalog.update(caller.get(), videoId, version(ifMatch), patch);
        return Response.ok(VideoJson.write(video).toString())
                .tag(new EntityTag(String.valueOf(video.version())))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** The version an {@code If-Match: "<version>"} names; -1 (matches nothing) for any other value, null without one. */
    static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.matches("\"[0-9]{1,18}\"")) {
            return Long.parseLong(value.substring(1, value.length() - 1));
        }
        return -1L;
    }

    private static VideoStatus status(String status) {
        try {
            return status == null ? null : VideoStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw invalid("status must be one of uploaded, queued, transcoding, transcoded, failed, deleted");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return VideoFilter.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= VideoFilter.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid("limit must be a whole number from 1 to " + VideoFilter.MAX_LIMIT);
    }

    private static CatalogCursor cursor(String cursor) {
        try {
            return cursor == null ? null : CatalogCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor must be the next value of an earlier page");
        }
    }

    /** An instant ({@code 2026-12-01T10:00:00Z}) or a UTC day ({@code 2026-12-01}, its start). */
    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.INVALID_DATE_RANGE, name + " must be a UTC day (2026-12-01) or an instant");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }
}
