package io.chanops.cli.replenish;

import io.chanops.cli.RunContext;
import io.chanops.cli.UserException;
import io.chanops.cli.support.Config;
import io.chanops.ledger.model.ProductType;
import io.chanops.replenish.check.CheckSettings;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.policy.ReviewCycle;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the replenishment settings from the config file: {@code review.anchor} (YYYY-MM-DD, default 2026-01-05),
 * {@code emergency.cutoff} (HH:MM, default 11:00), {@code lead.days} (default 2), {@code tune.display-min} and
 * {@code tune.display-min.<type>} (default 1 for handsets, 0 otherwise). A bad value is a usage error naming the file.
 */
public final class CheckConfig {
    private CheckConfig() {}

    public static CheckSettings settings(RunContext ctx) {
        Config c = ctx.config();
        LocalDate anchor = ReviewCycle.DEFAULT_ANCHOR;
        LocalTime cutoff = CheckSettings.DEFAULT_CUTOFF;
        String a = c.get("review.anchor", null);
        if (a != null) {
            try {
                anchor = LocalDate.parse(a);
            } catch (DateTimeParseException e) {
                throw UserException.usage(c.where() + "review.anchor=" + a + " is not a date YYYY-MM-DD");
            }
        }
        String k = c.get("emergency.cutoff", null);
        if (k != null) {
            try {
                cutoff = LocalTime.parse(k);
            } catch (DateTimeParseException e) {
                throw UserException.usage(c.where() + "emergency.cutoff=" + k + " is not a time HH:MM");
            }
        }
        int lead = leadDays(ctx);
        return new CheckSettings(anchor, cutoff, lead);
    }

    public static int leadDays(RunContext ctx) {
        int lead = ctx.config().getInt("lead.days", CheckSettings.DEFAULT_LEAD_DAYS);
        if (lead < 0 || lead > PolicyTuner.MAX_LEAD_DAYS) {
            throw UserException.usage(
                    ctx.config().where() + "lead.days=" + lead + " must be between 0 and " + PolicyTuner.MAX_LEAD_DAYS);
        }
        return lead;
    }

    public static Map<ProductType, Long> displayMin(RunContext ctx) {
        Config c = ctx.config();
        Map<ProductType, Long> out = new EnumMap<>(ProductType.class);
        for (ProductType t : ProductType.values()) {
            int fallback = c.getInt("tune.display-min", t == ProductType.HANDSET ? 1 : 0);
            int v = c.getInt("tune.display-min." + t, fallback);
            if (v < 0) {
                throw UserException.usage(c.where() + "tune.display-min must be >= 0");
            }
            out.put(t, (long) v);
        }
        return out;
    }
}
