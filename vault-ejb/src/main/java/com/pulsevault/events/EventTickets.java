package com.pulsevault.events;

import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Single-use tickets for a browser's {@code EventSource}, which cannot send an Authorization header: a
 * caller with a bearer token asks for one, and the events URL carries it instead. Random, valid for
 * {@link #SECONDS} seconds, good for one connection and nothing else, kept in Redis so any node redeems
 * it. A ticket that reaches an access log has been spent.
 */
@ApplicationScoped
public class EventTickets {

    public static final int SECONDS = 60;
    private static final String PREFIX = "pulsevault:events:ticket:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    VideoEvents events;

    public String issue(Caller caller) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        JsonArrayBuilder roles = Json.createArrayBuilder();
        caller.roles().forEach(r -> roles.add(r.name()));
        JsonArrayBuilder teams = Json.createArrayBuilder();
        caller.teams().forEach(teams::add);
        JsonObject snapshot = Json.createObjectBuilder().add("subject", caller.subject()).add("actor", caller.actor())
                .add("roles", roles).add("teams", teams)
                .add("clientId", caller.clientId() == null ? "" : caller.clientId())
                .add("client", caller.client() == null ? "" : caller.client()).build();
        events.log().putTicket(PREFIX + ticket, snapshot.toString(), SECONDS);
        return ticket;
    }

    /** The caller the ticket was issued to, once; empty for an unknown, spent or expired one. */
    public Optional<Caller> redeem(String ticket) {
        if (ticket == null || !ticket.matches("[A-Za-z0-9_-]{32}")) {
            return Optional.empty();
        }
        return events.log().takeTicket(PREFIX + ticket).map(text -> {
            JsonObject o = Json.createReader(new StringReader(text)).readObject();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            o.getJsonArray("roles").forEach(v -> roles.add(Role.valueOf(((JsonString) v).getString())));
            Set<String> teams = new HashSet<>();
            o.getJsonArray("teams").forEach(v -> teams.add(((JsonString) v).getString()));
            return new Caller(o.getString("subject"), o.getString("actor"), roles, teams,
                    blankToNull(o.getString("clientId")), blankToNull(o.getString("client")));
        });
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
