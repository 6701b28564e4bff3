package io.chanops.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every service needs to know about the run it serves: the clock (the real one, or {@code --now}), the ledger's
 * time zone (local dates and times, cutoffs and months are in it) and the acting user recorded with every change.
 * Built once per command by the CLI; services take it in their constructor instead of reading the environment.
 */
public record OperationContext(Clock clock, ZoneId zone, String user) {
    public OperationContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(user, "user");
    }

    /** The operating system's user, as chanops records it: the one place it is read. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    /** A context for {@code now} in {@code zone}, acting as the OS user (tests, backfills). */
    public static OperationContext at(LocalDateTime now, ZoneId zone) {
        return new OperationContext(Clock.fixed(now.atZone(zone).toInstant(), zone), zone, osUser());
    }

    /** The local date and time now, in the ledger's zone. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    public LocalDate today() {
        return now().toLocalDate();
    }
}
