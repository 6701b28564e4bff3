package io.chanops.catalog;

import io.chanops.ledger.csv.FormulaGuard;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.money.Fen;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates one row of catalog.csv (SPEC §4) and turns it into a {@link Product}. Every rule is checked and every
 * problem reported, so a merchandiser fixes a file in one pass rather than one error per attempt.
 *
 * <p>Values are normalised so that equal meanings compare equal: type and status are lower-cased, channels are put in
 * the canonical order {@code web|wap|app|partner|hall} (the order in a file carries no meaning, and a diff
 * "web|hall -> hall|web" would only be noise), an empty brand is absent.
 */
public final class CatalogRowParser {
    /** The channels a product can be sold in, in their canonical order. */
    public static final List<String> CHANNELS = List.of("web", "wap", "app", "partner", "hall");

    public static final Set<String> STATUSES = Set.of("listed", "unlisted", "draft");
    public static final Set<Integer> CONTRACT_MONTHS = Set.of(12, 18, 24, 36);
    /** Longest product name, in characters (code points): what the store front and receipts show. */
    public static final int MAX_NAME_LENGTH = 120;

    public static final int MAX_BRAND_LENGTH = 60;
    static final Pattern SKU = SiteImport.ID;
    private static final Pattern TOO_MANY_DECIMALS = Pattern.compile("[+-]?\\d+\\.\\d{3,}");
    /** Product types that may be listed at price 0. */
    private static final Set<ProductType> FREE_ALLOWED = EnumSet.of(ProductType.PLAN, ProductType.CONTRACT);

    private CatalogRowParser() {}

    /**
     * Parses the row at {@code line} whose cells {@code cell} gives by column name (stripped, "" when absent); adds
     * every problem to {@code rejections} and returns the product only when there was none.
     */
    public static Optional<Product> parse(long line, Function<String, String> cell, List<Rejection> rejections) {
        int before = rejections.size();
        Row r = new Row(line, cell, rejections);

        String sku = r.get("sku");
        if (sku.isEmpty()) {
            r.reject("sku", RejectCode.MISSING, "is empty");
        } else if (!SKU.matcher(sku).matches()) {
            r.reject(
                    "sku",
                    RejectCode.BAD_SKU,
                    "'" + sku + "' is not a valid SKU (a letter or digit, then letters, digits, _ . -; at most 64)");
        }

        String typeText = r.get("type");
        ProductType type = ProductType.parse(typeText).orElse(null);
        if (typeText.isEmpty()) {
            r.reject("type", RejectCode.MISSING, "is empty (handset, accessory, sim, plan or contract)");
        } else if (type == null) {
            r.reject(
                    "type",
                    RejectCode.BAD_TYPE,
                    "'" + typeText + "' is not handset, accessory, sim, plan or contract"
                            + KnownIds.hintAmong(List.of("handset", "accessory", "sim", "plan", "contract"), typeText));
        }

        String name = r.get("name");
        if (name.isEmpty()) {
            r.reject("name", RejectCode.MISSING, "is empty");
        } else {
            text(r, "name", name, MAX_NAME_LENGTH);
        }
        String brand = r.get("brand");
        text(r, "brand", brand, MAX_BRAND_LENGTH);

        Long price = amount(r, "price", RejectCode.BAD_PRICE);
        if (price != null) {
            if (price < 0) {
                r.reject("price", RejectCode.PRICE_NOT_POSITIVE, "must not be negative");
            } else if (price == 0 && type != null && !FREE_ALLOWED.contains(type)) {
                r.reject(
                        "price",
                        RejectCode.PRICE_NOT_POSITIVE,
                        "must be greater than 0 for " + article(type) + " (only plans and contracts may be 0)");
            }
        }

        String statusText = r.get("status");
        String status = statusText.toLowerCase(Locale.ROOT);
        if (statusText.isEmpty()) {
            r.reject("status", RejectCode.MISSING, "is empty (listed, unlisted or draft)");
        } else if (!STATUSES.contains(status)) {
            r.reject(
                    "status",
                    RejectCode.BAD_STATUS,
                    "'" + statusText + "' is not listed, unlisted or draft"
                            + KnownIds.hintAmong(List.of("listed", "unlisted", "draft"), statusText));
        }

        List<String> channels = channels(r, status);

        Long fee = null;
        Integer months = null;
        String feeText = r.get("monthly_fee");
        String monthsText = r.get("months");
        if (type == ProductType.CONTRACT) {
            if (feeText.isEmpty()) {
                r.reject("monthly_fee", RejectCode.CONTRACT_FEE, "a contract needs a monthly fee");
            } else {
                fee = amount(r, "monthly_fee", RejectCode.CONTRACT_FEE);
                if (fee != null && fee <= 0) {
                    r.reject("monthly_fee", RejectCode.CONTRACT_FEE, "must be greater than 0");
                    fee = null;
                }
            }
            if (monthsText.isEmpty()) {
                r.reject("months", RejectCode.CONTRACT_MONTHS, "a contract needs its months (12, 18, 24 or 36)");
            } else {
                months = monthsText.matches("\\d{1,3}") ? Integer.valueOf(monthsText) : null;
                if (months == null || !CONTRACT_MONTHS.contains(months)) {
                    r.reject("months", RejectCode.CONTRACT_MONTHS, "'" + monthsText + "' is not 12, 18, 24 or 36");
                    months = null;
                }
            }
        } else if (type != null) {
            if (!feeText.isEmpty()) {
                r.reject(
                        "monthly_fee",
                        RejectCode.NOT_A_CONTRACT,
                        "only contracts have a monthly fee; leave it empty for " + article(type));
            }
            if (!monthsText.isEmpty()) {
                r.reject(
                        "months",
                        RejectCode.NOT_A_CONTRACT,
                        "only contracts have months; leave it empty for " + article(type));
            }
        }

        if (rejections.size() != before) {
            return Optional.empty();
        }
        return Optional.of(
                new Product(sku, type, name, brand.isEmpty() ? null : brand, price, status, channels, fee, months));
    }

    private static String describe(char c) {
        return c == '\t' ? "a tab" : c == '\r' ? "a carriage return" : "'" + c + "'";
    }

    static String article(ProductType type) {
        return (type == ProductType.ACCESSORY ? "an " : "a ") + type;
    }

    private static void text(Row r, String column, String value, int maxLength) {
        if (FormulaGuard.looksGuarded(value)) {
            // The cell was written ''=...: what is left would lose its quote on the next export/import round trip.
            r.reject(
                    column,
                    RejectCode.GUARD_PREFIX,
                    "starts with ' followed by " + describe(value.charAt(1))
                            + ", which a CSV export would read back without the '; drop the '");
        }
        if (hasControlCharacter(value)) {
            r.reject(column, RejectCode.CONTROL_CHARACTER, "contains control characters (line breaks, tabs...)");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            r.reject(column, RejectCode.TOO_LONG, "is " + length + " characters long; at most " + maxLength);
        }
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) { // every control character is in the BMP
                return true;
            }
        }
        return false;
    }

    private static Long amount(Row r, String column, RejectCode malformed) {
        String text = r.get(column);
        if (text.isEmpty()) {
            r.reject(column, RejectCode.MISSING, "is empty (an amount in yuan, like 1299.00)");
            return null;
        }
        Optional<Long> fen = Fen.parseYuan(text);
        if (fen.isPresent()) {
            return fen.get();
        }
        if (TOO_MANY_DECIMALS.matcher(text).matches()) {
            r.reject(column, RejectCode.PRICE_DECIMALS, "'" + text + "' has more than two decimals");
        } else {
            r.reject(column, malformed, Fen.whyNotYuan(text));
        }
        return null;
    }

    private static List<String> channels(Row r, String status) {
        String text = r.get("channels");
        if (text.isEmpty()) {
            if ("listed".equals(status)) {
                r.reject(
                        "channels",
                        RejectCode.NO_CHANNEL,
                        "a listed product needs at least one channel (web, wap, app, partner, hall)");
            }
            return List.of();
        }
        boolean[] seen = new boolean[CHANNELS.size()];
        for (String part : text.split("\\|", -1)) {
            String ch = part.strip().toLowerCase(Locale.ROOT);
            int index = CHANNELS.indexOf(ch);
            if (ch.isEmpty()) {
                r.reject("channels", RejectCode.BAD_CHANNEL, "'" + text + "' has an empty channel between '|'");
            } else if (index < 0) {
                r.reject(
                        "channels",
                        RejectCode.BAD_CHANNEL,
                        "'" + part.strip() + "' is not one of web, wap, app, partner, hall"
                                + KnownIds.hintAmong(CHANNELS, part.strip()));
            } else if (seen[index]) {
                r.reject("channels", RejectCode.DUPLICATE_CHANNEL, "'" + ch + "' is given twice");
            } else {
                seen[index] = true;
            }
        }
        List<String> channels = new ArrayList<>(CHANNELS.size());
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                channels.add(CHANNELS.get(i));
            }
        }
        return List.copyOf(channels);
    }

    /** The row being parsed: its cells and where its problems go. */
    private record Row(long line, Function<String, String> cell, List<Rejection> rejections) {
        String get(String column) {
            String v = cell.apply(column);
            return v == null ? "" : v;
        }

        void reject(String column, RejectCode code, String message) {
            rejections.add(new Rejection(line, column, code, message));
        }
    }
}
