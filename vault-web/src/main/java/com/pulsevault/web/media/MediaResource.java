package com.pulsevault.web.media;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.media.ManifestRewriter;
import com.pulsevault.media.MediaAccess;
import com.pulsevault.media.MediaFile;
import com.pulsevault.media.MediaPath;
import com.pulsevault.media.SignedMedia;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.http.RequestClient;
import com.pulsevault.web.http.JsonBodies;
import com.pulsevault.web.http.PublicUrls;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Signed media: {@code POST /media/sign} hands out URLs of the form
 * {@code /media/t/<token>/videos/<videoId>/<path>}; the token sits in the path, so every relative URI
 * in a playlist inherits it and players need no headers or query strings. Files stream from disk
 * with byte ranges; manifests are rewritten to a playback-session token (see ManifestRewriter).
 */
@Path("media")
@RequestScoped
public class MediaResource {

    /** Large writes: the servlet container then sends big TCP segments instead of many small ones. */
    private static final int STREAM_BUFFER = 64 * 1024;

    @Inject
    MediaAccess access;
    @Inject
    VaultConfig config;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Inject
    RequestClient client;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("sign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response sign(InputStream body) throws IOException {
        JsonObject json = JsonBodies.object(body);
        String videoId = JsonBodies.requiredString(json, "videoId");
        String path = JsonBodies.requiredString(json, "path");
        Long expiresIn = JsonBodies.optionalLong(json, "expiresIn");
        if (expiresIn != null && expiresIn <= 0) {
            throw new ProblemException(ProblemType.INVALID_JSON, "expiresIn must be a whole number of seconds greater than 0");
        }
        SignedMedia signed = access.sign(caller.get(), videoId, path, expiresIn);
        String answer = Json.createObjectBuilder()
                .add("url", url(signed.token(), signed.videoId(), signed.path()))
                .add("expiresAt", signed.expiresAt().toString())
                .add("expiresIn", signed.lifetimeSeconds())
                .build().toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("t/{token}/videos/{videoId}/{document: metadata|renditions}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document(@PathParam("token") String token, @PathParam("videoId") String videoId,
                             @PathParam("document") String document) {
        JsonObject body = access.document(token, videoId, document, client());
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("t/{token}/videos/{videoId}/{path: .+}")
    public Response get(@PathParam("token") String token, @PathParam("videoId") String videoId, @PathParam("path") String path) {
        return serve(token, videoId, path, true);
    }

    @HEAD
    @Path("t/{token}/videos/{videoId}/{path: .+}")
    public Response head(@PathParam("token") String token, @PathParam("videoId") String videoId, @PathParam("path") String path) {
        return serve(token, videoId, path, false);
    }

    private Response serve(String token, String videoId, String path, boolean withBody) {
        MediaFile media = access.open(token, videoId, path, client());
        long maxAge = Math.max(0, Duration.between(Instant.now(), media.grantEnds()).toSeconds());
        if (MediaPath.isManifest(path)) {
            String base = url(access.sessionToken(media), videoId, MediaPath.STREAM_PREFIX);
            byte[] rewritten = ManifestRewriter.rewrite(path, access.readManifest(media), base).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // each response carries a fresh session token: never cached, never shared
            return Response.ok(withBody ? rewritten : null, media.contentType())
                    .header("Content-Length", rewritten.length)
                    .header("Cache-Control", "private, no-store")
                    .build();
        }
        return serveFile(media, maxAge, withBody);
    }

    private Response serveFile(MediaFile media, long maxAge, boolean withBody) {
        try {
            long size = Files.size(media.file());
            Instant modified = Files.getLastModifiedTime(media.file()).toInstant();
            String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
            Response.ResponseBuilder common = Response.ok()
                    .type(media.contentType())
                    .header("ETag", etag)
                    .header("Last-Modified", Date.from(modified))
                    .header("Accept-Ranges", "bytes")
                    .header("Cache-Control", "private, max-age=" + maxAge);
            if (etag.equals(headers.getHeaderString("If-None-Match"))) {
                return common.status(Response.Status.NOT_MODIFIED).build();
            }
            String ifRange = headers.getHeaderString("If-Range");
            boolean rangeApplies = ifRange == null || ifRange.equals(etag);
            Optional<ByteRange> range;
            try {
                range = rangeApplies ? ByteRange.parse(headers.getHeaderString("Range"), size) : Optional.empty();
            } catch (ByteRange.Unsatisfiable e) {
                // every error is a problem document; Content-Range tells the client the real size (RFC 9110 15.5.17)
                return Problems.builder(ProblemType.RANGE_NOT_SATISFIABLE,
                                "The file has " + size + " bytes; the range asked for lies outside it", java.util.Map.of())
                        .header("Content-Range", "bytes */" + size)
                        .header("Accept-Ranges", "bytes")
                        .build();
            }
            long first = range.map(ByteRange::first).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            range.ifPresent(r -> common.status(206).header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size));
            common.header("Content-Length", length);
            if (withBody) {
                common.entity(stream(media, first, length));
            }
            return common.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the file to the response in bounded chunks: nothing is read whole into the heap. */
    private static StreamingOutput stream(MediaFile media, long first, long length) {
        return out -> {
            try (FileChannel ch = FileChannel.open(media.file(), StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, STREAM_BUFFER));
                long position = first;
                long left = length;
                while (left > 0) {
                    buf.clear().limit((int) Math.min(buf.capacity(), left));
                    int n = ch.read(buf, position);
                    if (n <= 0) {
                        break;
                    }
                    out.write(buf.array(), 0, n);
                    position += n;
                    left -= n;
                }
            }
        };
    }

    private String url(String token, String videoId, String path) {
        return PublicUrls.of(uri, headers, config.settings().trustForwardedHeaders(),
                "media/t/" + token + "/videos/" + videoId + "/" + path);
    }

    private String client() {
        return client.anonymisedAddress();
    }
}
