package com.pulsevault.web.upload;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The tus 1.0.0 protocol constants, and the binding that puts {@link TusProtocolFilter} on tus endpoints. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Tus {
    String VERSION = "1.0.0";
    String EXTENSIONS = "creation,creation-with-upload,creation-defer-length,termination,expiration,checksum";
    String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    String RESUMABLE = "Tus-Resumable";
    String TUS_VERSION = "Tus-Version";
    String TUS_EXTENSION = "Tus-Extension";
    String TUS_MAX_SIZE = "Tus-Max-Size";
    String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    String UPLOAD_OFFSET = "Upload-Offset";
    String UPLOAD_LENGTH = "Upload-Length";
    String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    String UPLOAD_METADATA = "Upload-Metadata";
    String UPLOAD_EXPIRES = "Upload-Expires";
    String UPLOAD_CHECKSUM = "Upload-Checksum";
}
