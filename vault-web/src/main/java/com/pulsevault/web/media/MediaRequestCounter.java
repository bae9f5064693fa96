package com.pulsevault.web.media;

import com.pulsevault.metrics.VaultMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Counts every answer on a signed media path by status class, refusals included (they pass through here too). */
@Provider
public class MediaRequestCounter implements ContainerResponseFilter {

    private static final String SIGNED_MEDIA = "/media/t/";

    @Inject
    VaultMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath(false);
        if ((path.startsWith("/") ? path : "/" + path).startsWith(SIGNED_MEDIA)) {
            metrics.mediaResponse(response.getStatus());
        }
    }
}
