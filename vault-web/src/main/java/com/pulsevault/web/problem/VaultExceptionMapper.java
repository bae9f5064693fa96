package com.pulsevault.web.problem;

import com.pulsevault.VaultException;
import com.pulsevault.audit.DayRange;
import com.pulsevault.identity.ForbiddenException;
import com.pulsevault.media.InvalidMediaPathException;
import com.pulsevault.media.InvalidTokenException;
import com.pulsevault.media.MediaPath;
import com.pulsevault.metadata.StaleMetadataException;
import com.pulsevault.video.InvalidEditException;
import com.pulsevault.video.VersionMismatchException;
import com.pulsevault.video.VersionRequiredException;
import com.pulsevault.catalog.CatalogUnavailableException;
import com.pulsevault.events.EventsUnavailableException;
import com.pulsevault.video.LegalHoldException;
import com.pulsevault.video.RetentionException;
import com.pulsevault.video.VideoDeletedException;
import com.pulsevault.video.VideoNotFoundException;
import jakarta.ws.rs.core.EntityTag;
import com.pulsevault.upload.ChecksumMismatchException;
import com.pulsevault.upload.EmptyUploadException;
import com.pulsevault.upload.InvalidUploadException;
import com.pulsevault.upload.OffsetMismatchException;
import com.pulsevault.upload.UploadExpiredException;
import com.pulsevault.upload.UploadIncompleteException;
import com.pulsevault.upload.UploadInterruptedException;
import com.pulsevault.upload.UploadLockedException;
import com.pulsevault.upload.UploadNotFoundException;
import com.pulsevault.upload.UploadTooLargeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The domain's refusals, each as its problem type. */
@Provider
public class VaultExceptionMapper implements ExceptionMapper<VaultException> {

    private static final Map<Class<? extends VaultException>, ProblemType> TYPES = Map.ofEntries(
            Map.entry(UploadNotFoundException.class, ProblemType.UPLOAD_NOT_FOUND),
            Map.entry(UploadExpiredException.class, ProblemType.UPLOAD_EXPIRED),
            Map.entry(UploadLockedException.class, ProblemType.UPLOAD_LOCKED),
            Map.entry(OffsetMismatchException.class, ProblemType.OFFSET_MISMATCH),
            Map.entry(UploadTooLargeException.class, ProblemType.UPLOAD_TOO_LARGE),
            Map.entry(ChecksumMismatchException.class, ProblemType.CHECKSUM_MISMATCH),
            Map.entry(InvalidUploadException.class, ProblemType.INVALID_UPLOAD_REQUEST),
            Map.entry(UploadIncompleteException.class, ProblemType.UPLOAD_INCOMPLETE),
            Map.entry(UploadInterruptedException.class, ProblemType.BODY_INCOMPLETE),
            Map.entry(StaleMetadataException.class, ProblemType.METADATA_CONFLICT),
            Map.entry(VideoNotFoundException.class, ProblemType.VIDEO_NOT_FOUND),
            Map.entry(InvalidTokenException.class, ProblemType.MEDIA_FORBIDDEN),
            Map.entry(InvalidMediaPathException.class, ProblemType.INVALID_MEDIA_PATH),
            Map.entry(MediaPath.NotServableException.class, ProblemType.MEDIA_NOT_FOUND),
            Map.entry(DayRange.InvalidDayRangeException.class, ProblemType.INVALID_DATE_RANGE),
            Map.entry(EmptyUploadException.class, ProblemType.UPLOAD_EMPTY),
            Map.entry(ForbiddenException.class, ProblemType.FORBIDDEN),
            Map.entry(InvalidEditException.class, ProblemType.INVALID_PATCH),
            Map.entry(VersionMismatchException.class, ProblemType.PRECONDITION_FAILED),
            Map.entry(VersionRequiredException.class, ProblemType.PRECONDITION_REQUIRED),
            Map.entry(VideoDeletedException.class, ProblemType.VIDEO_DELETED),
            Map.entry(LegalHoldException.class, ProblemType.LEGAL_HOLD),
            Map.entry(RetentionException.class, ProblemType.RETENTION),
            Map.entry(CatalogUnavailableException.class, ProblemType.CATALOG_UNAVAILABLE),
            Map.entry(EventsUnavailableException.class, ProblemType.EVENTS_UNAVAILABLE));

    @Override
    public Response toResponse(VaultException e) {
        ProblemType type = TYPES.getOrDefault(e.getClass(), ProblemType.INVALID_REQUEST);
        if (e instanceof ForbiddenException forbidden) {
            return Problems.builder(type, e.getMessage(), Map.of("requiredRole", forbidden.requiredRoles())).build();
        }
        if (e instanceof VersionMismatchException stale) {
            return Problems.builder(type, e.getMessage(), Map.of()).tag(new EntityTag(String.valueOf(stale.current()))).build();
        }
        if (e instanceof CatalogUnavailableException || e instanceof EventsUnavailableException) {
            return Problems.builder(type, e.getMessage(), Map.of()).header("Retry-After", "10").build();
        }
        if (e instanceof RetentionException kept) {
            return Problems.builder(type, e.getMessage(), Map.of("retainedUntil", kept.until().toString())).build();
        }
        if (e instanceof OffsetMismatchException mismatch) {
            return Problems.builder(type, e.getMessage(), Map.of("currentOffset", mismatch.currentOffset())).build();
        }
        return Problems.response(type, e.getMessage());
    }
}
