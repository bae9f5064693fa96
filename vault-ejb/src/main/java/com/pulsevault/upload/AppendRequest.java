package com.pulsevault.upload;

import java.io.InputStream;

/**
 * One tus PATCH (or the body of a creation-with-upload POST).
 *
 * @param contentLength  the announced body length, or -1 when the body is chunked
 * @param declaredLength Upload-Length sent with the PATCH of a deferred-length upload, or null
 * @param checksum       Upload-Checksum of this chunk, or null
 */
public record AppendRequest(long offset, InputStream body, long contentLength, Long declaredLength,
                            ExpectedChecksum checksum) {
}
