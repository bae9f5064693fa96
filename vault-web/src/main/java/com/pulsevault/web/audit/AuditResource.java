package com.pulsevault.web.audit;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditCheckpoints;
import com.pulsevault.audit.CheckpointVerifier;
import com.pulsevault.audit.DayRange;
import com.pulsevault.audit.VerificationReport;
import com.pulsevault.audit.report.AuditReports;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/v1/audit/verify?category=upload&from=2026-11-01&to=2026-11-22}: checks the hash
 * chains and reports the first break (auditor role). Without {@code category} every chain is checked.
 */
@Path("audit")
@RequestScoped
public class AuditResource {

    @Inject
    AuditReports reports;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditCheckpoints checkpoints;

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(@QueryParam("category") String category, @QueryParam("from") String from,
                           @QueryParam("to") String to) throws IOException {
        List<AuditCategory> categories = category == null ? List.of(AuditCategory.values()) : List.of(categoryOf(category));
        DayRange days = DayRange.parse(from, to);
        boolean ok = true;
        JsonArrayBuilder chains = Json.createArrayBuilder();
        for (VerificationReport report : reports.verify(caller.get(), categories, days)) {
            ok &= report.ok();
            chains.add(json(report));
        }
        String body = Json.createObjectBuilder().add("ok", ok).add("chains", chains).build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** The checkpoints' public key (PEM), for auditors' and monitors' verifiers; any signed-in caller. */
    @GET
    @Path("public-key")
    @Produces("application/x-pem-file")
    public Response publicKey() {
        caller.get();
        return Response.ok(checkpoints.publicKeyPem()).header("Cache-Control", "no-cache").build();
    }

    /** The signed checkpoints from {@code from} (a day) on, one JSON object per line, for an outside monitor to keep. */
    @GET
    @Path("checkpoints")
    @Produces("application/x-ndjson")
    public Response checkpoints(@QueryParam("from") String from) throws IOException {
        DayRange days = DayRange.parse(from, null);
        StringBuilder body = new StringBuilder();
        reports.checkpointLines(caller.get(), days.from()).forEach(l -> body.append(l).append('\n'));
        return Response.ok(body.toString()).header("Cache-Control", "no-store").build();
    }

    /** The chains checked against the signed checkpoints and the witness's copy: every finding with its place. */
    @GET
    @Path("checkpoints/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyCheckpoints() throws IOException {
        List<CheckpointVerifier.Finding> findings = reports.verifyCheckpoints(caller.get());
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (CheckpointVerifier.Finding f : findings) {
            list.add(Json.createObjectBuilder().add("kind", f.kind()).add("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .add("file", f.file()).add("line", f.line()).add("message", f.message()));
        }
        boolean ok = findings.stream().noneMatch(f -> f.severity() == CheckpointVerifier.Severity.BREAK);
        return Response.ok(Json.createObjectBuilder().add("ok", ok).add("findings", list).build().toString()).build();
    }

    /** A chain's verification as the API answers it (also in a video's history). */
    public static JsonObjectBuilder json(VerificationReport report) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("category", report.category().fileName())
                .add("ok", report.ok())
                .add("files", report.files())
                .add("entries", report.entries());
        if (report.problem() != null) {
            b.add("problem", Json.createObjectBuilder()
                    .add("file", report.problem().file())
                    .add("line", report.problem().line())
                    .add("kind", report.problem().kind())
                    .add("message", report.problem().message()));
        }
        return b;
    }

    private static AuditCategory categoryOf(String name) {
        try {
            return AuditCategory.of(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "category must be one of upload, access, transcode, admin");
        }
    }
}
