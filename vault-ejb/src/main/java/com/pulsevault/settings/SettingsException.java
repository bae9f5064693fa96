package com.pulsevault.settings;

/** A configuration value that cannot be used; the message names the property so IT can fix it. */
public class SettingsException extends RuntimeException {
    private final String property;

    public SettingsException(String property, String problem) {
        this(property, problem, null);
    }

    public SettingsException(String property, String problem, Throwable cause) {
        super(property + " (env " + envName(property) + ") " + problem, cause);
        this.property = property;
    }

    public String property() {
        return property;
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    public static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
