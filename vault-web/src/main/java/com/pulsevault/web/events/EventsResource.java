package com.pulsevault.web.events;

import com.pulsevault.events.EventLog;
import com.pulsevault.events.EventTickets;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.audit.AuditCategory;
import com.pulsevault.web.auth.CurrentCaller;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /events}: Server-Sent Events about the videos the caller may see ({@code video.finalized},
 * {@code transcode.progress}, {@code video.transcoded}, {@code video.failed}, {@code video.updated},
 * {@code video.deleted}), with a bearer token or a ticket from {@code POST /events/tickets} (an
 * {@code EventSource} cannot send headers). {@code Last-Event-ID} resumes within the recent window.
 */
@Path("events")
@RequestScoped
public class EventsResource {

    @Inject
    CurrentCaller caller;
    @Inject
    EventTickets tickets;
    @Inject
    EventHub hub;
    @Inject
    Guard guard;

    @POST
    @Path("tickets")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ticket(@Context UriInfo uri) {
        Caller c = mediaCaller();
        String ticket = tickets.issue(c);
        String url = uri.getBaseUri().getRawPath() + "events?ticket=" + ticket;
        return Response.ok(Json.createObjectBuilder().add("ticket", ticket).add("expiresIn", EventTickets.SECONDS)
                .add("url", url).build().toString()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Caller c = mediaCaller();
        if (lastEventId != null) {
            try {
                EventLog.parts(lastEventId.trim());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_HEADER, "Last-Event-ID must be the id of an event this stream sent");
            }
        }
        try {
            hub.subscribe(c, sink, sse, lastEventId == null ? null : lastEventId.trim());
        } catch (IllegalArgumentException future) {
            throw new ProblemException(ProblemType.INVALID_HEADER, "Last-Event-ID must be the id of an event this stream sent");
        }
    }

    private Caller mediaCaller() {
        Caller c = caller.get();
        guard.requireRole(c, AccessRules.MEDIA, AuditCategory.ACCESS, "events.subscribe", null, null);
        return c;
    }
}
