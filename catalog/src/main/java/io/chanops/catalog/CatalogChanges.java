package io.chanops.catalog;

import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Jumps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Changes to the catalog counted by kind: what a {@link CatalogPlan} would do and what an import did. */
public interface CatalogChanges {
    List<CatalogChange> changes();

    default int count(CatalogChange.Kind kind) {
        return (int) changes().stream().filter(c -> c.kind() == kind).count();
    }

    default int created() {
        return count(CatalogChange.Kind.CREATED);
    }

    default int updated() {
        return count(CatalogChange.Kind.UPDATED);
    }

    default int unlisted() {
        return count(CatalogChange.Kind.UNLISTED);
    }

    /** How many times the price before an update's price may be, either way, before it is worth a warning. */
    long PRICE_JUMP = 5;

    /**
     * Updates whose price is at least {@link #PRICE_JUMP} times the price before, or at most a {@link #PRICE_JUMP}th
     * of it: a digit typed twice or left out, fen given as yuan. Prices of 0 on either side (plans, giveaways) are
     * left out.
     */
    default List<CatalogChange> priceJumps() {
        return amountJumps().stream()
                .filter(j -> j.column().equals("price"))
                .map(AmountJump::change)
                .toList();
    }

    /**
     * The prices and monthly fees of updates that changed by {@link #PRICE_JUMP} times or more either way, in line
     * order (a row's price before its monthly fee). Amounts of 0 or none on either side are left out.
     */
    default List<AmountJump> amountJumps() {
        List<AmountJump> jumps = new ArrayList<>();
        for (CatalogChange c : changes()) {
            if (c.kind() != CatalogChange.Kind.UPDATED) {
                continue;
            }
            AmountJump.of(c, "price", c.before().priceFen(), c.after().priceFen())
                    .ifPresent(jumps::add);
            Long feeBefore = c.before().monthlyFeeFen();
            Long feeAfter = c.after().monthlyFeeFen();
            if (feeBefore != null && feeAfter != null) {
                AmountJump.of(c, "monthly_fee", feeBefore, feeAfter).ifPresent(jumps::add);
            }
        }
        jumps.sort(Comparator.comparingLong(j -> j.change().line()));
        return jumps;
    }

    /** An amount of an update ({@code price} or {@code monthly_fee}) that changed {@link #PRICE_JUMP} times or more. */
    record AmountJump(CatalogChange change, String column, long beforeFen, long afterFen) {
        static Optional<AmountJump> of(CatalogChange change, String column, long before, long after) {
            return Jumps.ratio(before, after, PRICE_JUMP).map(r -> new AmountJump(change, column, before, after));
        }

        /** {@code "A1 1999.00 -> 19990.00, 10 times the price before: check it"}. */
        public String message() {
            String what = column.equals("price") ? "price" : "monthly fee";
            return change.sku() + " " + Fen.format(beforeFen) + " -> " + Fen.format(afterFen) + ", "
                    + Jumps.ratio(beforeFen, afterFen, PRICE_JUMP).orElseThrow() + " the " + what + " before: check it";
        }
    }
}
