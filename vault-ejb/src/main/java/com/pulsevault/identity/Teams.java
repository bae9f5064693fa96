package com.pulsevault.identity;

import java.util.Collection;
import java.util.regex.Pattern;

/** Team names as the vault keeps them (in meta.json only, never in a path): short, printable, no control characters. */
public final class Teams {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,127}");

    private Teams() {
    }

    public static boolean isValid(String team) {
        return team != null && NAME.matcher(team).matches();
    }

    public static boolean allValid(Collection<String> teams) {
        return teams.stream().allMatch(Teams::isValid);
    }
}
