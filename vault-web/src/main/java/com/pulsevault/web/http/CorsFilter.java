package com.pulsevault.web.http;

import com.pulsevault.config.VaultConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for browser capture apps on the origins in {@code pulsevault.cors.allowed-origins} ("*" allows any).
 * Browsers may only read response headers that are exposed, and tus lives in headers.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Upload-Length, Upload-Offset, Upload-Metadata, "
            + "Upload-Defer-Length, Upload-Concat, Upload-Checksum, Tus-Resumable, X-HTTP-Method-Override, X-Requested-With, "
            + "If-None-Match, If-Match, If-Range, Range";
    static final String EXPOSE_HEADERS = "Location, Upload-Offset, Upload-Length, Upload-Metadata, Upload-Defer-Length, "
            + "Upload-Expires, Upload-Concat, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, "
            + "Tus-Checksum-Algorithm, Content-Range, Accept-Ranges, ETag, Content-Length, WWW-Authenticate";
    private static final String PREFLIGHT = "cors.preflight";

    @Inject
    VaultConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null && allowed(origin)) {
            request.setProperty(PREFLIGHT, Boolean.TRUE);
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .header("Access-Control-Max-Age", "86400")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        if (request.getProperty(PREFLIGHT) == null) {
            headers.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    private boolean allowed(String origin) {
        return allowed(config.settings().corsAllowedOrigins(), origin);
    }

    public static boolean allowed(java.util.List<String> origins, String origin) {
        return origins.contains("*") || origins.contains(origin);
    }
}
