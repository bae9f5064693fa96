package com.pulsevault.web.upload;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * tus: every request but OPTIONS must carry the protocol version we speak (else 412 with the versions
 * we do speak), and every response carries {@code Tus-Resumable}, errors included.
 */
@Tus
@Provider
public class TusProtocolFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return;
        }
        String version = request.getHeaderString(Tus.RESUMABLE);
        if (!Tus.VERSION.equals(version)) {
            String detail = version == null
                    ? "the Tus-Resumable header is missing; send Tus-Resumable: " + Tus.VERSION
                    : "this server speaks tus " + Tus.VERSION + " only";
            request.abortWith(Problems.builder(ProblemType.TUS_VERSION_UNSUPPORTED, detail, java.util.Map.of())
                    .header(Tus.TUS_VERSION, Tus.VERSION)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(Tus.RESUMABLE, Tus.VERSION);
    }
}
