package com.pulsevault.identity;

import com.pulsevault.VaultException;

import java.util.Set;
import java.util.stream.Collectors;

/** The caller lacks every role the operation needs. The answer names the roles, never the caller. */
public class ForbiddenException extends VaultException {

    private final Set<Role> needed;

    public ForbiddenException(Set<Role> needed) {
        super("This needs the " + names(needed) + " role");
        this.needed = Set.copyOf(needed);
    }

    /** A refusal that is not about a missing role (a right only some roles have, such as on-behalf-of). */
    public ForbiddenException(Set<Role> needed, String message) {
        super(message);
        this.needed = Set.copyOf(needed);
    }

    public String requiredRoles() {
        return names(needed);
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::claimValue).collect(Collectors.joining(" or "));
    }
}
