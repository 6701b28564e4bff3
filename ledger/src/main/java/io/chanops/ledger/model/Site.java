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

    /** The great-circle (haversine) distance in km to {@code other}; both must have coordinates. */
    public double kmTo(Site other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;
}
