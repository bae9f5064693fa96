package com.pulsevault.web.http;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Set;

/**
 * tus allows clients that cannot send PATCH or DELETE to POST with {@code X-HTTP-Method-Override};
 * tus-java-client does this for every PATCH on a standard JDK.
 */
@Provider
@PreMatching
public class MethodOverrideFilter implements ContainerRequestFilter {

    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        String override = request.getHeaderString("X-HTTP-Method-Override");
        if (override != null && "POST".equals(request.getMethod())) {
            String method = override.trim().toUpperCase(Locale.ROOT);
            if (OVERRIDABLE.contains(method)) {
                request.setMethod(method);
            } else {
                // the header exists for clients that cannot send PATCH or DELETE; any other method is a mistake or a probe
                request.abortWith(Problems.response(ProblemType.INVALID_HEADER,
                        "X-HTTP-Method-Override may only name PATCH or DELETE"));
            }
        }
    }
}
