package io.chanops.reconcile.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.money.Fen;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte parsers of the column tables against the text parsers they stand in for ({@link Cells#whole}, {@link
 * Fen#parseYuan}): on any cell both give the same value, or both refuse it (and the refusal is then worded by the text
 * parser, on the same decoded text).
 */
class NumbersPropertyTest {

    @Property(tries = 3000)
    void quantityReadsWhatCellsWholeReads(@ForAll("cells") String cell) {
        byte[] b = bytes(cell);
        Long general = Cells.whole(cell, Cells.MAX_QUANTITY);
        long fast = Numbers.quantity(b, 1, b.length - 1, () -> cell);
        assertThat(fast == Numbers.NONE ? null : fast).as("'%s'", cell).isEqualTo(general);
        int plain = Numbers.quantity(b, 1, b.length - 1);
        if (plain >= 0) {
            assertThat((long) plain).as("plain '%s'", cell).isEqualTo(general);
        }
    }

    @Property(tries = 3000)
    void wholeFenReadsWhatCellsWholeReads(@ForAll("cells") String cell) {
        byte[] b = bytes(cell);
        Long general = Cells.whole(cell, Fen.MAX_AMOUNT_FEN);
        long fast = Numbers.whole(b, 1, b.length - 1, () -> cell, Fen.MAX_AMOUNT_FEN);
        assertThat(fast == Numbers.NONE ? null : fast).as("'%s'", cell).isEqualTo(general);
        long plain = Numbers.whole(b, 1, b.length - 1);
        if (plain != Numbers.NONE) {
            assertThat(plain).as("plain '%s'", cell).isEqualTo(general);
        }
    }

    @Property(tries = 3000)
    void yuanNeverDisagreesWithFen(@ForAll("cells") String cell) {
        byte[] b = bytes(cell);
        long plain = Numbers.yuan(b, 1, b.length - 1);
        Optional<Long> general = Fen.parseYuan(cell);
        if (plain != Numbers.NONE) {
            assertThat(general).as("'%s'", cell).contains(plain);
        }
    }

    @Example
    void cellsTheBytesParserOnceRefusedAreRead() {
        for (String cell : new String[] {" 5", "5 ", "+5", "0000000005", "\t7\t", "+000000000000000003"}) {
            byte[] b = bytes(cell);
            assertThat(Numbers.quantity(b, 1, b.length - 1, () -> cell))
                    .as(cell)
                    .isEqualTo(Cells.whole(cell, Cells.MAX_QUANTITY));
            assertThat(Numbers.whole(b, 1, b.length - 1, () -> cell, Fen.MAX_AMOUNT_FEN))
                    .as(cell)
                    .isEqualTo(Cells.whole(cell, Fen.MAX_AMOUNT_FEN));
        }
    }

    /** The cell between two junk bytes, so the parsers are checked to stay inside {@code [from, to)}. */
    private static byte[] bytes(String cell) {
        byte[] text = cell.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 2];
        b[0] = '9';
        System.arraycopy(text, 0, b, 1, text.length);
        b[b.length - 1] = '7';
        return b;
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> space = Arbitraries.of("", "", "", " ", "  ", "\t", "\u3000", "\u00a0");
        Arbitrary<String> sign = Arbitraries.of("", "", "", "+", "-", "--", "+-");
        Arbitrary<String> padding = Arbitraries.of("", "", "0", "00000", "0000000000", "00000000000000000");
        Arbitrary<String> digits = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(4),
                Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(20),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.of(
                        "1000000",
                        "1000001",
                        "10000000000",
                        "10000000001",
                        "999999999999999999",
                        "9223372036854775807",
                        "99999999999999999999"));
        Arbitrary<String> decimals = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMaxLength(4).map(d -> "." + d));
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(""),
                Arbitraries.just(""),
                Arbitraries.of("x", "e3", ",", "５", "٥", "1_000", "0x1F", " 1"));
        Arbitrary<String> built = net.jqwik.api.Combinators.combine(space, sign, padding, digits, decimals, junk, space)
                .as((s1, sg, pad, d, dec, j, s2) -> s1 + sg + pad + d + dec + j + s2);
        return Arbitraries.oneOf(built, built, built, Arbitraries.strings().ofMaxLength(6));
    }
}
