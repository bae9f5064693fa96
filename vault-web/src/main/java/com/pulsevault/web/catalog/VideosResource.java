package com.pulsevault.web.catalog;

import com.pulsevault.catalog.Catalog;
import com.pulsevault.catalog.Deletions;
import com.pulsevault.catalog.SearchTerms;
import com.pulsevault.catalog.VideoFilter;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoJson;
import com.pulsevault.web.auth.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import com.pulsevault.web.http.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/**
 * {@code GET /api/v1/videos}: the videos the caller may see, newest first, a page at a time; {@code POST
 * /api/v1/videos/search}: the same narrowed by words, tags and metadata values; and
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
    Deletions deletions;
    @Inject
    CurrentCaller caller;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("owner") String owner, @QueryParam("team") String team,
                         @QueryParam("uploadedFrom") String uploadedFrom, @QueryParam("uploadedTo") String uploadedTo,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (owner != null && !"me".equals(owner)) {
            throw FilterParams.invalid("owner can only be \"me\"");
        }
        VideoFilter filter = new VideoFilter(FilterParams.status(status), owner != null, team,
                FilterParams.instant("uploadedFrom", uploadedFrom), FilterParams.instant("uploadedTo", uploadedTo),
                FilterParams.limit(limit), FilterParams.cursor(cursor), SearchTerms.NONE);
        return Response.ok(PageJson.write(catalog.list(caller.get(), filter))).build();
    }

    /**
     * A list narrowed by words, tags and metadata values, asked in a body: search terms can identify a
     * patient and so never travel in a URL (nor reach an access log).
     */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response search(InputStream body) throws IOException {
        VideoFilter filter = SearchRequest.parse(JsonBodies.object(body));
        return Response.ok(PageJson.write(catalog.search(caller.get(), filter))).build();
    }

    @GET
    @Path("{videoId}")
    public Response get(@PathParam("videoId") String videoId) {
        Video video = catalog.get(caller.get(), videoId);
        return Response.ok(forClients(video, caller.get()))
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
        return Response.ok(forClients(video, caller.get()))
                .tag(new EntityTag(String.valueOf(video.version())))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** Every audit event about the video across all chains, oldest first, and whether each chain verifies. */
    @GET
    @Path("{videoId}/history")
    public Response history(@PathParam("videoId") String videoId) {
        return Response.ok(HistoryJson.write(videoId, catalog.history(caller.get(), videoId)))
                .header("Cache-Control", "private, no-store").build();
    }

    /**
     * Deletes the video's media and keeps a tombstone (status {@code deleted}); 409 while a legal hold is
     * set or within the retention period. Repeating it is harmless.
     */
    @DELETE
    @Path("{videoId}")
    public Response delete(@PathParam("videoId") String videoId) {
        deletions.delete(caller.get(), videoId);
        return Response.noContent().build();
    }

    /** Sets a legal hold (admin): the video cannot be deleted until it is lifted. */
    @PUT
    @Path("{videoId}/legal-hold")
    public Response setLegalHold(@PathParam("videoId") String videoId) {
        return hold(deletions.legalHold(caller.get(), videoId, true));
    }

    /** Lifts a legal hold (admin). */
    @DELETE
    @Path("{videoId}/legal-hold")
    public Response liftLegalHold(@PathParam("videoId") String videoId) {
        return hold(deletions.legalHold(caller.get(), videoId, false));
    }

    private static Response hold(Video video) {
        return Response.ok(Json.createObjectBuilder().add("videoId", video.id().value()).add("legalHold", video.legalHold())
                .build().toString()).build();
    }

    /**
     * The record as clients get it: without the transcode's detailed errors, which are for operators
     * (GET /admin/transcodes) and may name server paths; {@code failure} says why, viewer-safe. {@code may}
     * says what the caller may do with it (the console shows only those actions; each request is still decided).
     */
    static String forClients(Video video, Caller caller) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder(VideoJson.write(video));
        b.remove("error");
        b.remove("lastError");
        b.add("may", Json.createObjectBuilder()
                .add("edit", AccessRules.mayEdit(caller, video.owner()))
                .add("delete", AccessRules.mayDelete(caller, video.owner()))
                .add("history", AccessRules.mayReadHistory(caller, video.owner()))
                .add("legalHold", caller.hasAny(AccessRules.OPERATIONS)));
        return b.build().toString();
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

}
