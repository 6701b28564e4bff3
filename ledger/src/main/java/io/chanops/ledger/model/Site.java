package io.chanops.ledger.model;

import java.time.LocalTime;
import java.util.Locale;

/** A place that holds stock: a store (supplied by one warehouse) or a warehouse. */
public record Site(
        String siteId,
        String name,
        Kind kind,
        String city,
        String warehouse,
        Channel channel,
        Double lat,
        Double lon,
        LocalTime opens,
        LocalTime closes) {

    public enum Kind {
        STORE,
        WAREHOUSE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isStore() {
        return kind == Kind.STORE;
    }

    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
