package com.pulsevault.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link Caller} out of a verified token's claims. Where roles and teams sit differs between
 * identity providers, so both are claim paths (dots step into objects): MicroProfile JWT's {@code groups},
 * Keycloak's default {@code realm_access.roles}, Entra ID's {@code roles}; teams in {@code teams} or
 * Keycloak's group-membership {@code groups}. Values may be lists, JSON arrays or one string.
 */
public final class TokenClaims {

    private final List<String> rolesPath;
    private final List<String> teamsPath;

    public TokenClaims(String rolesClaim, String teamsClaim) {
        this.rolesPath = List.of(rolesClaim.split("\\."));
        this.teamsPath = List.of(teamsClaim.split("\\."));
    }

    /**
     * @param claim   a verified token's claim by top-level name (MicroProfile JWT's {@code getClaim}), null if absent
     * @param pseudonym the audit pseudonym of a subject
     * @param client  the request's anonymised address
     */
    public Caller caller(Function<String, Object> claim, Function<String, String> pseudonym, String client) {
        String subject = text(claim.apply("sub")).orElseThrow(() -> new IllegalArgumentException("the token has no sub claim"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(at(claim, rolesPath))) {
            Role.of(value).ifPresent(roles::add);
        }
        Set<String> teams = new LinkedHashSet<>();
        for (String value : values(at(claim, teamsPath))) {
            // Keycloak's group mapper writes full paths ("/cardiology") unless told otherwise
            String team = value.startsWith("/") ? value.substring(1) : value;
            if (Teams.isValid(team)) {
                teams.add(team);
            }
        }
        String clientId = text(claim.apply("azp")).or(() -> text(claim.apply("client_id"))).orElse(null);
        return new Caller(subject, pseudonym.apply(subject), roles, teams, clientId, client);
    }

    private static Object at(Function<String, Object> claim, List<String> path) {
        Object current = claim.apply(path.get(0));
        for (String step : path.subList(1, path.size())) {
            if (current instanceof JsonObject o) {
                current = o.get(step);
            } else if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The strings of a claim value, whatever shape the implementation hands it in. */
    static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null || value == JsonValue.NULL) {
            return out;
        }
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object v : c) {
                text(v).ifPresent(out::add);
            }
        } else {
            text(value).ifPresent(out::add);
        }
        return out;
    }

    /** A claim's text; blank counts as absent (a blank {@code sub} would make every such token one person). */
    private static Optional<String> text(Object value) {
        String text = value instanceof JsonString s ? s.getString() : value instanceof String s ? s : null;
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
