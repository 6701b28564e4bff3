package io.chanops.reconcile.confirmed;

import io.chanops.ledger.time.LocalTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The one home of table {@code confirmed_order} (and its view {@code confirmed_sale}): the orders reconcile runs
 * confirmed, written in bulk by a run and read by the commission and cost reports. Works on the caller's handle, inside
 * the caller's transaction. Long SQL lives next to this class ({@code ConfirmedOrderRepository/*.sql}).
 *
 * <p>A sale is an order confirmed live (platform paid or completed, BOSS group standing), counted once per month it was
 * created in, with the facts of the latest run that confirmed it so. A reversal is a confirmation of an order the
 * platform cancelled or refunded and BOSS reversed: the evidence of a cancellation.
 */
public final class ConfirmedOrderRepository {
    /**
     * The order of {@code ORDER BY order_id} on SQLite (UTF-8 bytes, which is code point order); String's own order
     * differs for characters above U+FFFF.
     */
    public static final Comparator<String> TEXT_ORDER = ConfirmedOrderRepository::compareCodePoints;

    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.removingComments();
    /** Rows per fetch where a driver fetches in batches (PostgreSQL, in a transaction): a month is streamed. */
    private static final int FETCH = 4_096;

    private final Handle h;

    public ConfirmedOrderRepository(Handle h) {
        this.h = h;
    }

    private static String sql(String name) {
        return SQL.locate(ConfirmedOrderRepository.class, name);
    }

    /** A bulk writer of run {@code runId}'s confirmed orders; close it before anything else uses the handle. */
    public ConfirmedOrderWriter writer(long runId) {
        return new ConfirmedOrderWriter(h, runId);
    }

    /** The orders run {@code runId} confirmed, in no particular order. */
    public List<ConfirmedOrder> ofRun(long runId) {
        return h.createQuery(sql("ofRun"))
                .bind("run", runId)
                .map((rs, ctx) -> new ConfirmedOrder(
                        rs.getLong(1),
                        rs.getString(2),
                        dateTime(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        nullableDateTime(rs.getString(11)),
                        rs.getString(12),
                        rs.getInt(13) != 0,
                        rs.getString(14)))
                .list();
    }

    /** Every reversal, in run order. */
    public List<Reversal> reversals() {
        List<Reversal> reversals = new ArrayList<>(h.createQuery(sql("reversals"))
                .map((rs, ctx) -> new Reversal(
                        rs.getString(1),
                        dateTime(rs.getString(2)),
                        nullableDateTime(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6)))
                .list());
        reversals.sort(Comparator.comparingLong(Reversal::runId));
        return reversals;
    }

    /**
     * Every sale of {@code month} (orders with a reversal too) counted by site, SKU, order date and BOSS net: read from
     * {@code confirmed_sale_count}, which the writers keep, not counted from the month's rows.
     */
    public List<ConfirmedSales> salesByKind(YearMonth month) {
        return h.createQuery(sql("salesByKind"))
                .bind("month", month.toString())
                .map((rs, ctx) -> new ConfirmedSales(
                        rs.getString(1),
                        rs.getString(2),
                        LocalDate.parse(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /** The sales of {@code month} of orders with a reversal, one per order. */
    public List<ConfirmedSale> salesOfReversedOrders(YearMonth month) {
        return h.createQuery(sql("salesOfReversedOrders"))
                .bind("month", month.toString())
                .map((rs, ctx) -> sale(rs))
                .list();
    }

    /**
     * Every sale of {@code month}, one per order, by creation time (orders created in the same second in any order).
     */
    public void forEachSale(YearMonth month, Consumer<ConfirmedSale> action) {
        h.createQuery(sql("sales"))
                .bind("month", month.toString())
                .setFetchSize(FETCH)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        action.accept(sale(rs));
                    }
                    return null;
                });
    }

    /** The live confirmations of orders with a reversal, created in {@code [from, to)}, in run order. */
    public List<LiveConfirmation> liveConfirmationsOfReversedOrders(LocalDate from, LocalDate to) {
        List<LiveConfirmation> found = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); m.atDay(1).isBefore(to); m = m.plusMonths(1)) {
            found.addAll(h.createQuery(sql("liveConfirmationsOfReversedOrders"))
                    .bind("month", m.toString())
                    .bind("from", LocalTimes.format(from))
                    .bind("to", LocalTimes.format(to))
                    .map((rs, ctx) -> new LiveConfirmation(rs.getString(1), dateTime(rs.getString(2)), rs.getLong(3)))
                    .list());
        }
        found.sort(Comparator.comparingLong(LiveConfirmation::runId));
        return found;
    }

    private static ConfirmedSale sale(ResultSet rs) throws SQLException {
        return new ConfirmedSale(
                rs.getString(1),
                dateTime(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6));
    }

    /** The stored form {@code YYYY-MM-DD HH:MM:SS}, read without a formatter (the reports read a million of them). */
    private static LocalDateTime dateTime(String text) {
        if (text.length() == 19
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == ' '
                && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            int year = LocalTimes.digits(text, 0, 4);
            int month = LocalTimes.digits(text, 5, 2);
            int day = LocalTimes.digits(text, 8, 2);
            int hour = LocalTimes.digits(text, 11, 2);
            int minute = LocalTimes.digits(text, 14, 2);
            int second = LocalTimes.digits(text, 17, 2);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second);
                } catch (DateTimeException e) {
                    // not a date: reported below
                }
            }
        }
        return LocalTimes.parseDateTime(text)
                .orElseThrow(() -> new IllegalStateException("confirmed_order: unreadable date-time '" + text + "'"));
    }

    private static LocalDateTime nullableDateTime(String text) {
        return text == null ? null : dateTime(text);
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF, so that UTF-16 unit order becomes code point order. */
    private static int rank(char c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return c + 0x2000;
        }
        return c >= 0xE000 ? c - 0x800 : c;
    }
}
