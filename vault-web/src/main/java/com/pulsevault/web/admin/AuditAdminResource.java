package com.pulsevault.web.admin;

import com.pulsevault.audit.Checkpoint;
import com.pulsevault.audit.report.AuditReports;
import com.pulsevault.web.auth.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/** {@code POST /api/v1/admin/audit/checkpoint}: signs a checkpoint of the audit chains now (admin). */
@Path("admin/audit/checkpoint")
@RequestScoped
public class AuditAdminResource {

    @Inject
    AuditReports reports;
    @Inject
    CurrentCaller caller;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpoint() throws IOException {
        Checkpoint c = reports.checkpointNow(caller.get());
        return Response.ok(Json.createObjectBuilder().add("seq", c.seq()).add("time", c.time().toString())
                .add("keyId", c.keyId()).add("hash", c.hash()).build().toString()).build();
    }
}
