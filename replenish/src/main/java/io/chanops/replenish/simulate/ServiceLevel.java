package io.chanops.replenish.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A service level to tune a candidate with, as the user wrote it ({@code 0.95}) and its value. */
public record ServiceLevel(String text, double value) {
    public ServiceLevel {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "service level " + text + " is not between 0 and 1 (exclusive), e.g. 0.95" + percentHint(value));
        }
    }

    /**
     * {@code " (95 reads as a percent: did you mean 0.95?)"} for a value from 50 to 100 (service levels are set
     * between about 0.8 and 0.999), else empty.
     */
    public static String percentHint(double value) {
        if (!(value >= 50 && value < 100)) {
            return "";
        }
        BigDecimal given = BigDecimal.valueOf(value).stripTrailingZeros();
        return " (" + given.toPlainString() + " reads as a percent: did you mean "
                + given.movePointLeft(2).toPlainString() + "?)";
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
