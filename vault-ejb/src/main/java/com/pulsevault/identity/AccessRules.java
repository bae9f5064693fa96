package com.pulsevault.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: the vault's decisions, free of HTTP and of storage. Roles say what kind of thing a
 * caller may do at all (a missing role is a 403 naming it); ownership and teams say which videos and
 * uploads it may touch (anything else is, for that caller, not there: 404).
 */
public final class AccessRules {

    /** Seeing videos and signing their media. Auditors and admins are not among them: separation of duties. */
    public static final Set<Role> MEDIA = Collections.unmodifiableSet(EnumSet.of(Role.UPLOADER, Role.VIEWER, Role.CLINICAL_APP));
    /** Creating and finalizing uploads. */
    public static final Set<Role> UPLOADING = Collections.unmodifiableSet(EnumSet.of(Role.UPLOADER, Role.CLINICAL_APP));
    /** Finalizing an upload on behalf of a clinician, and sharing with any team. */
    public static final Set<Role> TRUSTED_APP = Collections.unmodifiableSet(EnumSet.of(Role.CLINICAL_APP));
    public static final Set<Role> AUDIT = Collections.unmodifiableSet(EnumSet.of(Role.AUDITOR));
    public static final Set<Role> OPERATIONS = Collections.unmodifiableSet(EnumSet.of(Role.ADMIN));

    private AccessRules() {
    }

    /**
     * A video is visible to a clinical app (the EHR decides who may watch), to its owner, and to anyone
     * sharing one of its teams; always given one of the {@link #MEDIA} roles.
     *
     * @param owner the video's owner (a subject), or null for a video from before owners were kept
     */
    public static boolean maySee(Caller caller, String owner, Set<String> teams) {
        if (!caller.hasAny(MEDIA)) {
            return false;
        }
        return caller.has(Role.CLINICAL_APP) || caller.subject().equals(owner) || caller.sharesATeamWith(teams);
    }

    /**
     * A video's record (title, description, tags, metadata, teams) is changed by its owner or a clinical
     * app; its teams may see it, not change it.
     */
    public static boolean mayEdit(Caller caller, String owner) {
        return caller.hasAny(MEDIA) && (caller.has(Role.CLINICAL_APP) || caller.subject().equals(owner));
    }

    /**
     * A video is deleted by its owner or an admin (an admin needs no media role: removing is not watching).
     * Its teams and clinical apps may not.
     */
    public static boolean mayDelete(Caller caller, String owner) {
        return caller.has(Role.ADMIN) || (caller.hasAny(MEDIA) && caller.subject().equals(owner));
    }

    /** A video's history (who uploaded, signed, watched, changed it) is read by its owner, an auditor or an admin. */
    public static boolean mayReadHistory(Caller caller, String owner) {
        return caller.has(Role.AUDITOR) || caller.has(Role.ADMIN) || (caller.hasAny(MEDIA) && caller.subject().equals(owner));
    }

    /** An upload belongs to the subject that created it, whichever token (a refreshed one) it sends now. */
    public static boolean mayUseUpload(Caller caller, String uploadOwner) {
        return caller.hasAny(UPLOADING) && caller.subject().equals(uploadOwner);
    }

    /**
     * The teams a video gets at finalize: the caller's own when none are named; a clinician may name a
     * subset of its own, a clinical app any. A clinical app finalizing on behalf of a clinician shares
     * with no team unless it names them: its own teams say nothing about the clinician's.
     *
     * @param named       the teams the request names, or null
     * @param onBehalfOf  true when the caller finalizes for someone else
     * @return the teams, or null when the caller may not share with one of the named teams
     */
    public static Set<String> teamsFor(Caller caller, Set<String> named, boolean onBehalfOf) {
        if (named == null) {
            return onBehalfOf ? Set.of() : caller.teams();
        }
        if (caller.has(Role.CLINICAL_APP) || caller.teams().containsAll(named)) {
            return Set.copyOf(named);
        }
        return null;
    }
}
