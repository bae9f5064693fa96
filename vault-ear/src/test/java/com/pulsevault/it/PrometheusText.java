package com.pulsevault.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of the server's Prometheus endpoint. Servers add labels of their own (Payara {@code mp_scope},
 * WildFly none or {@code app}), so samples are matched on the labels a test names, and summed.
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final String text;
    private final List<Sample> samples = new ArrayList<>();

    PrometheusText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
    }

    static PrometheusText scrape() {
        var r = Http.send("GET", System.getProperty("vault.metrics.url"), null, "Accept", "text/plain");
        if (r.statusCode() != 200) {
            throw new AssertionError("metrics endpoint answered " + r.statusCode() + ": " + r.body());
        }
        return new PrometheusText(r.body());
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Sum of the samples named so whose labels include {@code labels} (name, value, ...); 0 when none. */
    double sum(String name, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(Sample::value).sum();
    }

    List<Sample> samplesStartingWith(String prefix) {
        return samples.stream().filter(s -> s.name().startsWith(prefix)).toList();
    }
}
