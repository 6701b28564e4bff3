package io.chanops.ledger.site;

import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.time.LocalTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The stores and warehouses: the one place that reads or writes the {@code site} table, for every module. Attach it
 * to a handle, or take it from {@code jdbi.onDemand(SiteRepository.class)}: on demand, a call made inside
 * {@code Ledger.read}/{@code write} runs on that transaction's handle.
 */
@RegisterRowMapper(SiteRepository.SiteMapper.class)
public interface SiteRepository {
    String COLUMNS = "site_id, name, kind, city, warehouse, channel, lat, lon, opens, closes";

    /** Warehouses first, then stores, each by id. */
    @SqlQuery("SELECT " + COLUMNS + " FROM site ORDER BY kind DESC, site_id")
    List<Site> list();

    @SqlQuery("SELECT " + COLUMNS + " FROM site WHERE site_id = :id")
    Optional<Site> find(@Bind("id") String siteId);

    /** Every site id: what a per-position file is checked against. */
    @SqlQuery("SELECT site_id FROM site")
    Set<String> ids();

    /** The site ids, to name the one an unknown site most likely meant. */
    default KnownIds known() {
        return new KnownIds(ids());
    }

    /** Every site by id, in {@link #list} order. */
    default Map<String, Site> byId() {
        Map<String, Site> sites = new LinkedHashMap<>();
        list().forEach(s -> sites.put(s.siteId(), s));
        return sites;
    }

    @SqlUpdate("INSERT INTO site (" + COLUMNS
            + ", batch_id) VALUES (:siteId, :name, :kind, :city, :warehouse, :channel, :lat, :lon, :opens, :closes, "
            + ":batchId) ON CONFLICT (site_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, city = "
            + "excluded.city, warehouse = excluded.warehouse, channel = excluded.channel, lat = excluded.lat, lon = "
            + "excluded.lon, opens = excluded.opens, closes = excluded.closes, batch_id = excluded.batch_id")
    void upsert(
            @Bind("siteId") String siteId,
            @Bind("name") String name,
            @Bind("kind") String kind,
            @Bind("city") String city,
            @Bind("warehouse") String warehouse,
            @Bind("channel") String channel,
            @Bind("lat") Double lat,
            @Bind("lon") Double lon,
            @Bind("opens") String opens,
            @Bind("closes") String closes,
            @Bind("batchId") long batchId);

    default void upsert(Site s, long batchId) {
        upsert(
                s.siteId(),
                s.name(),
                s.kind().toString(),
                s.city(),
                s.warehouse(),
                s.channel() == null ? null : s.channel().code(),
                s.lat(),
                s.lon(),
                s.opens() == null ? null : LocalTimes.HOUR_MINUTE.format(s.opens()),
                s.closes() == null ? null : LocalTimes.HOUR_MINUTE.format(s.closes()),
                batchId);
    }

    final class SiteMapper implements RowMapper<Site> {
        @Override
        public Site map(ResultSet rs, StatementContext ctx) throws SQLException {
            double lat = rs.getDouble("lat");
            Double latValue = rs.wasNull() ? null : lat;
            double lon = rs.getDouble("lon");
            Double lonValue = rs.wasNull() ? null : lon;
            String channel = rs.getString("channel");
            return new Site(
                    rs.getString("site_id"),
                    rs.getString("name"),
                    Site.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                    rs.getString("city"),
                    rs.getString("warehouse"),
                    channel == null ? null : Channel.parse(channel).orElse(null),
                    latValue,
                    lonValue,
                    LocalTimes.parseHourMinute(rs.getString("opens")).orElse(null),
                    LocalTimes.parseHourMinute(rs.getString("closes")).orElse(null));
        }
    }
}
