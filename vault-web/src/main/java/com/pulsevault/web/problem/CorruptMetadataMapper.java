package com.pulsevault.web.problem;

import com.pulsevault.metadata.CorruptMetadataException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/** Stored metadata that fails its checksum: the operator must look (restore from backup), the client cannot fix it. */
@Provider
public class CorruptMetadataMapper implements ExceptionMapper<CorruptMetadataException> {

    private static final Logger LOG = Logger.getLogger(CorruptMetadataMapper.class.getName());

    @Override
    public Response toResponse(CorruptMetadataException e) {
        LOG.severe(e.getMessage()); // names the video id and the kind of damage only
        return Problems.response(ProblemType.METADATA_CORRUPT, "The stored metadata of video " + e.videoId()
                + " is damaged; an administrator has to restore it");
    }
}
