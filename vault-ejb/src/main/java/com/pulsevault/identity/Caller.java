package com.pulsevault.identity;

import com.pulsevault.audit.AuditEntry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking, made once per request from a verified access token and handed to every domain
 * service; every audit line takes its actor from here. The subject itself never reaches a log or an
 * audit line: {@link #actor()} is its pseudonym.
 *
 * @param subject  the token's {@code sub}: stable for a person or a service account
 * @param actor    the audit pseudonym of the subject ({@code user:<hmac>})
 * @param roles    the roles this vault knows among the token's
 * @param teams    the token's teams (groups)
 * @param clientId the application the token was issued to ({@code azp}), or null
 * @param client   the anonymised network address of the request, or null
 */
public record Caller(String subject, String actor, Set<Role> roles, Set<String> teams, String clientId, String client) {

    public Caller {
        roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        teams = Collections.unmodifiableSet(new TreeSet<>(teams));
    }

    /** Never the subject, which identifies a person: only the pseudonym, roles and client reach a log. */
    @Override
    public String toString() {
        return "Caller[" + actor + ", roles=" + roles + ", teams=" + teams.size() + ", client=" + clientId + "]";
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> anyOf) {
        return anyOf.stream().anyMatch(roles::contains);
    }

    public boolean sharesATeamWith(Set<String> others) {
        return others.stream().anyMatch(teams::contains);
    }

    /** An audit entry for something this caller did (its outcome is set by the caller of this). */
    public AuditEntry entry(String action, String videoId, String uploadId) {
        return new AuditEntry(action, videoId, uploadId, actor, client, null, null, clientId, null);
    }
}
