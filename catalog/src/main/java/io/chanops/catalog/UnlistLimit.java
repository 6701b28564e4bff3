package io.chanops.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most products a {@code catalog import --sync} may unlist ({@code --max-unlist}): a number of products
 * ({@code 25}), or a whole percentage of the products listed before the import ({@code 5%}), which a nightly feed's
 * cron job can keep as its catalog grows.
 */
public record UnlistLimit(long products, int percent) {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(%?)");

    /** At most {@code products} products. */
    public static UnlistLimit ofProducts(long products) {
        return new UnlistLimit(products, -1);
    }

    /** {@code N} or {@code P%} (P from 0 to 100); empty for anything else. */
    public static Optional<UnlistLimit> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        if (m.group(2).isEmpty()) {
            return Optional.of(ofProducts(n));
        }
        return n <= 100 ? Optional.of(new UnlistLimit(-1, (int) n)) : Optional.empty();
    }

    /** How many products may be unlisted when {@code listed} are listed: a percentage rounds down. */
    public long of(long listed) {
        return percent < 0 ? products : listed * percent / 100;
    }

    /** As typed, and a percentage with the number it allows of {@code listed}: {@code 25}, {@code 70% (13 products)}. */
    public String describe(long listed) {
        return percent < 0 ? toString() : this + " (" + of(listed) + " products)";
    }

    /** As typed: {@code 25} or {@code 5%}. */
    @Override
    public String toString() {
        return percent < 0 ? Long.toString(products) : percent + "%";
    }
}
