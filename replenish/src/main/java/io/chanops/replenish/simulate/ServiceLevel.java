package io.chanops.replenish.simulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A service level to tune a candidate with, as the user wrote it ({@code 0.95}) and its value. */
public record ServiceLevel(String text, double value) {
    public ServiceLevel {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "service level " + text + " is not between 0 and 1 (exclusive), e.g. 0.95");
        }
    }

    /** The candidate's name: {@code sl=0.95}. */
    public String candidateName() {
        return "sl=" + text;
    }

    /**
     * Parses a comma-separated list such as {@code 0.90,0.95,0.98}. Throws IllegalArgumentException, in words for the
     * user, on an empty item, a value that is not a decimal number in (0,1), or a value given twice.
     */
    public static List<ServiceLevel> parseList(String list) {
        List<ServiceLevel> out = new ArrayList<>();
        Set<Double> seen = new LinkedHashSet<>();
        for (String item : list.split(",", -1)) {
            String text = item.strip();
            if (!text.matches("\\d*\\.?\\d+")) {
                throw new IllegalArgumentException("service level '" + text + "' is not a decimal number such as 0.95");
            }
            ServiceLevel level = new ServiceLevel(text, Double.parseDouble(text));
            if (!seen.add(level.value())) {
                throw new IllegalArgumentException("service level " + text + " is listed twice");
            }
            out.add(level);
        }
        return out;
    }
}
