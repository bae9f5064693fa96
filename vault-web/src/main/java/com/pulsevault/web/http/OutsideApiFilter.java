package com.pulsevault.web.http;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.web.console.ConsoleFiles;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Outside {@code /api/v1} the vault serves only the console's files (GET and HEAD, see {@link ConsoleFiles});
 * any other path under the context root gets a 404 problem, whatever the method and the server. Without this the container answers there itself: Payara, for one, normalises
 * {@code uploads/..%2F..%2Fx} to a path outside the API, where its default servlet answers a PATCH
 * with an HTML "501 Method PATCH is not defined" page that names the server and its version.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true) // the events stream (SSE) is asynchronous
public class OutsideApiFilter extends HttpFilter {

    static final String API = "/api/v1";

    @Inject
    VaultConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the path the container routes by: decoded and normalised
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(API) || path.startsWith(API + "/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Optional<String> file = read && config.settings().consoleEnabled() ? ConsoleFiles.fileFor(path) : Optional.empty();
        // a file the build does not have gets the vault's 404, not the container's HTML page
        file = file.filter(f -> exists(request, f));
        if (file.isPresent()) {
            ConsoleFiles.headers(config.settings().jwtIssuer().orElse("")).forEach(response::setHeader);
            if (file.get().equals(path)) {
                chain.doFilter(request, response); // the container's own file serving (ranges, ETag, 304)
            } else {
                request.getRequestDispatcher(file.get()).forward(request, response);
            }
            return;
        }
        ProblemType type = ProblemType.NOT_FOUND;
        byte[] body = Problems.body(type, "Nothing is served here; the API is under " + request.getContextPath() + API + "/", Map.of())
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean exists(HttpServletRequest request, String file) {
        try {
            return request.getServletContext().getResource(file) != null;
        } catch (java.net.MalformedURLException e) {
            return false;
        }
    }
}
