package com.pulsevault.web.upload;

import com.pulsevault.VaultException;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.upload.AppendRequest;
import com.pulsevault.upload.ExpectedChecksum;
import com.pulsevault.upload.UploadId;
import com.pulsevault.upload.UploadInfo;
import com.pulsevault.upload.UploadMetadata;
import com.pulsevault.upload.UploadService;
import com.pulsevault.upload.UploadTooLargeException;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.http.PublicUrls;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;

/**
 * tus 1.0.0 (core, creation, creation-with-upload, creation-defer-length, termination, expiration,
 * checksum) at {@code /api/v1/uploads}. Only protocol here: headers in, headers out. Who may use an
 * upload is the {@link UploadService}'s business, where and how bytes are kept the store's.
 */
@Tus
@Path("uploads")
@RequestScoped
public class TusResource {

    @Inject
    UploadService uploads;
    @Inject
    CurrentCaller caller;
    @Inject
    VaultConfig config;

    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Inject
    VaultMetrics metrics;
    @Context
    HttpServletRequest servlet;

    @OPTIONS
    public Response options() {
        return Response.noContent()
                .header(Tus.TUS_VERSION, Tus.VERSION)
                .header(Tus.TUS_EXTENSION, Tus.EXTENSIONS)
                .header(Tus.TUS_MAX_SIZE, uploads.maxSize())
                .header(Tus.TUS_CHECKSUM_ALGORITHM, ExpectedChecksum.supportedAlgorithms())
                .build();
    }

    @OPTIONS
    @Path("{uploadId}")
    public Response optionsOfUpload() {
        return options();
    }

    @POST
    public Response create(InputStream body) {
        Long length = TusHeaders.optional(headers, Tus.UPLOAD_LENGTH);
        String defer = headers.getHeaderString(Tus.UPLOAD_DEFER_LENGTH);
        if (length == null && !"1".equals(defer)) {
            throw new ProblemException(ProblemType.INVALID_HEADER, "Upload-Length or Upload-Defer-Length: 1 is required");
        }
        if (length != null && defer != null) {
            throw new ProblemException(ProblemType.INVALID_HEADER, "send Upload-Length or Upload-Defer-Length, not both");
        }
        boolean withUpload = hasBody();
        if (withUpload && !TusHeaders.isOffsetOctetStream(headers.getMediaType())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "a creation request with data must use Content-Type " + Tus.OFFSET_OCTET_STREAM);
        }
        if (withUpload && length != null && contentLength() > length) {
            throw new ProblemException(ProblemType.UPLOAD_TOO_LARGE, "the body is longer than Upload-Length");
        }
        UploadMetadata metadata = UploadMetadata.parse(headers.getHeaderString(Tus.UPLOAD_METADATA));
        ExpectedChecksum checksum = checksum();
        UploadInfo info = uploads.create(caller.get(), length, metadata);
        metrics.uploadCreated();
        if (withUpload) {
            info = appendInitialData(info, body, checksum);
        }
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                .header("Location", location(info.id()))
                .header(Tus.UPLOAD_EXPIRES, TusHeaders.httpDate(info.expiresAt()));
        if (withUpload) {
            created.header(Tus.UPLOAD_OFFSET, info.offset());
        }
        return created.build();
    }

    /**
     * creation-with-upload: the upload exists whatever happens to its first chunk (a dropped connection,
     * a bad checksum), so the client gets its Location and the offset actually stored, and resumes from
     * there. A body longer than the upload itself is refused whole: no upload is kept for it.
     */
    private UploadInfo appendInitialData(UploadInfo info, InputStream body, ExpectedChecksum checksum) {
        try {
            UploadInfo appended = uploads.append(caller.get(), info.id(), new AppendRequest(0, body, contentLength(), null, checksum));
            metrics.uploadBytes(appended.offset());
            return appended;
        } catch (UploadTooLargeException tooLong) {
            uploads.terminate(caller.get(), info.id());
            throw tooLong;
        } catch (VaultException refused) {
            return uploads.get(caller.get(), info.id());
        }
    }

    @HEAD
    @Path("{uploadId}")
    public Response head(@PathParam("uploadId") String uploadId) {
        UploadInfo info = uploads.get(caller.get(), UploadId.parse(uploadId));
        Response.ResponseBuilder ok = Response.ok()
                .header("Cache-Control", "no-store")
                .header(Tus.UPLOAD_OFFSET, info.offset())
                .header(Tus.UPLOAD_EXPIRES, TusHeaders.httpDate(info.expiresAt()));
        if (info.length() != null) {
            ok.header(Tus.UPLOAD_LENGTH, info.length());
        } else {
            ok.header(Tus.UPLOAD_DEFER_LENGTH, "1");
        }
        if (info.metadata() != null) {
            ok.header(Tus.UPLOAD_METADATA, info.metadata());
        }
        return ok.build();
    }

    @PATCH
    @Path("{uploadId}")
    public Response patch(@PathParam("uploadId") String uploadId, InputStream body) {
        UploadId id = UploadId.parse(uploadId);
        if (!TusHeaders.isOffsetOctetStream(headers.getMediaType())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "PATCH must use Content-Type " + Tus.OFFSET_OCTET_STREAM);
        }
        long offset = TusHeaders.required(headers, Tus.UPLOAD_OFFSET);
        Long declaredLength = TusHeaders.optional(headers, Tus.UPLOAD_LENGTH);
        UploadInfo info = uploads.append(caller.get(), id, new AppendRequest(offset, body, contentLength(), declaredLength, checksum()));
        metrics.uploadBytes(info.offset() - offset);
        return Response.noContent()
                .header(Tus.UPLOAD_OFFSET, info.offset())
                .header(Tus.UPLOAD_EXPIRES, TusHeaders.httpDate(info.expiresAt()))
                .build();
    }

    @DELETE
    @Path("{uploadId}")
    public Response terminate(@PathParam("uploadId") String uploadId) {
        uploads.terminate(caller.get(), UploadId.parse(uploadId));
        return Response.noContent().build();
    }

    private ExpectedChecksum checksum() {
        String header = headers.getHeaderString(Tus.UPLOAD_CHECKSUM);
        return header == null ? null : ExpectedChecksum.parse(header);
    }

    private boolean hasBody() {
        return servlet.getContentLengthLong() > 0 || servlet.getHeader("Transfer-Encoding") != null;
    }

    private long contentLength() {
        return servlet.getContentLengthLong();
    }

    private String location(UploadId id) {
        return PublicUrls.of(uri, headers, config.settings().trustForwardedHeaders(), "uploads/" + id.value());
    }
}
