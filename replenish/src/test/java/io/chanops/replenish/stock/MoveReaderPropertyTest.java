package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.testing.PropertyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The byte scan of moves.csv, on one thread or two, says exactly what the row-by-row reading through CsvSource says:
 * the same moves in the same order, or the same problems, worded the same, in the same order.
 */
class MoveReaderPropertyTest {
    private static final PropertyFiles FILES = new PropertyFiles("moves-props");

    @AfterContainer
    static void deleteDir() throws IOException {
        FILES.delete();
    }

    @Property(tries = 600)
    void theByteScanAgreesWithTheRowReader(@ForAll("files") byte[] content) throws IOException {
        agree(content);
    }

    @Property(tries = 300)
    void theByteScanAgreesOnValidFiles(@ForAll("validFiles") byte[] content) throws IOException {
        assertThat(agree(content)).startsWith("moves:");
    }

    /** A document repeated far apart in the file (in different halves when it is read on two threads) is refused. */
    @Example
    void aDocumentRepeatedFarApartInTheFileIsRefusedHoweverItIsRead() throws IOException {
        StringBuilder file = new StringBuilder("at,site_id,sku,kind,qty,ref\n");
        for (int i = 0; i < 80; i++) {
            String ref = i == 25 || i == 65 ? "DOC-X" : "D" + i;
            file.append("2026-03-01 08:")
                    .append(String.format("%02d", i % 60))
                    .append(",S1,H1,receipt,1,")
                    .append(ref)
                    .append('\n');
        }
        String reference = agree(file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(reference).startsWith("rejected:").contains(":67:");
    }

    /** Rows of nothing but empty cells are blank lines: a file of only those has no data rows, however it is read. */
    @Example
    void aFileOfEmptyRowsIsRefusedAsEmptyHoweverItIsRead() throws IOException {
        String reference = agree("at,site_id,sku,kind,qty,ref\n,,,,,\n\n , ,,,,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(reference).startsWith("rejected:").contains(Cells.NO_ROWS);
    }

    private static String agree(byte[] content) throws IOException {
        return ScanAgreement.agree(Files.write(FILES.dir().resolve("moves.csv"), content));
    }

    @Provide
    Arbitrary<byte[]> files() {
        return files(false);
    }

    /** Files without a problem: every cell valid, white space and guards where allowed, no repeated document. */
    @Provide
    Arbitrary<byte[]> validFiles() {
        return files(true);
    }

    private static <T> Arbitrary<T> valid(boolean onlyValid, Arbitrary<T> good, Arbitrary<T> bad) {
        return onlyValid
                ? good
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, good), net.jqwik.api.Tuple.of(1, bad));
    }

    private static Arbitrary<byte[]> files(boolean onlyValid) {
        Arbitrary<String> at = valid(
                onlyValid,
                Arbitraries.of(
                        "2026-03-01 08:00",
                        "2026-03-01 08:00:30",
                        "2026-03-01T09:15",
                        "2026-02-28 23:59:59",
                        "2024-02-29 10:00",
                        "2026-03-02 07:00"),
                Arbitraries.of(
                        "2026-02-30 10:00",
                        "2026-3-1 10:00",
                        "",
                        "yesterday",
                        " 2026-03-01 08:00 ",
                        "1899-12-31 10:00",
                        "2026-03-01 24:00",
                        "2026-03-01 08:00:60",
                        "2025-02-29 10:00"));
        Arbitrary<String> site =
                valid(onlyValid, Arbitraries.of("S1", "S2", "WH", " S1", "店1"), Arbitraries.of("S9", "", "s1"));
        Arbitrary<String> sku = valid(onlyValid, Arbitraries.of("H1", "A1", "H1 "), Arbitraries.of("C1", "X1", ""));
        Arbitrary<String> kind = valid(
                onlyValid,
                Arbitraries.of(
                        "receipt", "sale", "return", "transfer_in", "transfer_out", "adjust", "count", "SALE", " sale"),
                Arbitraries.of("sold", "", "adjust "));
        Arbitrary<String> qty = valid(
                onlyValid,
                Arbitraries.of("1", "2", "10", "3", "+2", "007", "1000000"),
                Arbitraries.of(
                        "0", "-1", "1.5", "", "99999999999999999999", "-0", "٣", "５", "123456789012345678", "1000001"));
        Arbitrary<String> ref = onlyValid
                ? Arbitraries.oneOf(
                        Arbitraries.just(""),
                        Arbitraries.integers().between(0, 100_000).map(i -> "R-" + i),
                        Arbitraries.integers().between(0, 100_000).map(i -> "'=" + i),
                        Arbitraries.integers().between(0, 100_000).map(i -> "票-" + i))
                : Arbitraries.of("", "R-1", "R-2", "R-3", "D9", "'=X", "''=Y", " R-1 ", "票-1", "'-5");
        Arbitrary<String> row = Combinators.combine(at, site, sku, kind, qty, ref)
                .as((a, s, k, d, q, r) -> String.join(",", a, s, k, d, q, r));
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, row),
                net.jqwik.api.Tuple.of(
                        1,
                        onlyValid
                                ? Arbitraries.of("", "   ", ",,,,,", "\t")
                                : Arbitraries.of(
                                        "",
                                        "   ",
                                        ",,,,,",
                                        "\t",
                                        "2026-03-01 08:00,S1,H1,receipt,5",
                                        "2026-03-01 08:00,S1,H1,receipt,5,R-9,extra",
                                        "2026-03-01 08:00,S1,H1,\"sale\",1,Q")));
        Arbitrary<String> lineBreak = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just("\n")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("\r\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\r")));
        Arbitrary<List<String>> lines = line.list().ofMaxSize(40);
        Arbitrary<List<String>> breaks = lineBreak.list().ofSize(42);
        // rows have six fields: a header of another width makes every row a width error
        Arbitrary<String> header = onlyValid
                ? Arbitraries.of(
                        "at,site_id,sku,kind,qty,ref",
                        "\uFEFFat,site_id,sku,kind,qty,ref",
                        "site_id,at,sku,kind,qty,ref")
                : Arbitraries.of(
                        "at,site_id,sku,kind,qty,ref",
                        "\uFEFFat,site_id,sku,kind,qty,ref",
                        "site_id,at,sku,kind,qty,ref",
                        "at,site_id,sku,kind,qty",
                        "at,site_id,sku,kind,qty,ref,note");
        Arbitrary<Boolean> badByte = Arbitraries.integers().between(0, 30).map(i -> i == 0 && !onlyValid);
        Arbitrary<Boolean> finalBreak = Arbitraries.of(true, false);
        return Combinators.combine(header, lines, breaks, badByte, finalBreak).as((h, ls, bs, bad, last) -> {
            List<String> all = new ArrayList<>();
            all.add(h);
            List<String> rows = new ArrayList<>(ls);
            if (onlyValid) {
                rows.add(0, "2026-03-01 08:00,S1,H1,receipt,1,"); // a file without any row is refused
            }
            for (String l : rows) {
                String[] cells = l.split(",", -1);
                if (onlyValid && cells.length == 6 && !cells[5].isEmpty()) {
                    l = l + "/" + all.size(); // one document per line
                }
                all.add(h.startsWith("site_id,at") ? swapFirstTwo(l) : l);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < all.size(); i++) {
                out.writeBytes(all.get(i).getBytes(StandardCharsets.UTF_8));
                if (bad && i == all.size() / 2) {
                    out.write(0xFF);
                }
                if (i < all.size() - 1 || last) {
                    out.writeBytes(bs.get(i).getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        });
    }

    private static String swapFirstTwo(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length < 2) {
            return line;
        }
        String t = cells[0];
        cells[0] = cells[1];
        cells[1] = t;
        return String.join(",", cells);
    }
}
