package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.PropertyFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** The catalog row parser: total on any input, and exact on whatever chanops writes. */
class CatalogRowParserPropertyTest {
    private static final PropertyFiles FILES = new PropertyFiles("catalog-props");

    @AfterContainer
    static void deleteDir() throws IOException {
        FILES.delete();
    }

    @Property(tries = 1000)
    void anyRowGivesAProductOrItsProblemsNeverBoth(@ForAll("cells") Map<String, String> cells) {
        List<Rejection> rejections = new ArrayList<>();
        Optional<Product> p = CatalogRowParser.parse(3, c -> cells.getOrDefault(c, ""), rejections);
        assertThat(p.isPresent() ^ !rejections.isEmpty()).isTrue();
        assertThat(rejections).allSatisfy(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(CatalogReader.COLUMNS).contains(r.column());
        });
    }

    @Property(tries = 200)
    void aProductWrittenAsCsvReadsBackEqual(@ForAll("products") Product product) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvSink sink = CsvSink.to(text, false)) {
            sink.header(CatalogReader.COLUMNS);
            sink.row(new ArrayList<Object>(ProductFields.of(product)));
        }
        Path file = Files.writeString(FILES.dir().resolve("p.csv"), text.toString(), StandardCharsets.UTF_8);
        CatalogFile read = CatalogReader.read(file, StandardCharsets.UTF_8, w -> {}, n -> {});
        assertThat(read.rejections()).isEmpty();
        assertThat(read.valid()).extracting(ProductRow::product).containsExactly(product);
    }

    @Provide
    Arbitrary<Map<String, String>> cells() {
        Arbitrary<String> any = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "",
                        "handset",
                        "contract",
                        "plan",
                        "listed",
                        "draft",
                        "web|hall",
                        "web||x",
                        "0",
                        "12",
                        "24",
                        "99.00",
                        "1.999",
                        "-5",
                        "=SUM(A1)",
                        "'=x",
                        "HS-1"));
        return Combinators.combine(Collections.nCopies(CatalogReader.COLUMNS.size(), any))
                .as(values -> {
                    Map<String, String> m = new HashMap<>();
                    for (int k = 0; k < values.size(); k++) {
                        m.put(CatalogReader.COLUMNS.get(k), values.get(k).strip());
                    }
                    return m;
                });
    }

    @Provide
    Arbitrary<Product> products() {
        Arbitrary<String> sku = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .withCharRange('0', '9')
                                .ofLength(1),
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .withChars("_.-")
                                .ofMaxLength(63))
                .as(String::concat);
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\u00ff')
                .withCharRange('\u4e00', '\u4fff')
                .withChars("=+-@'\",;|")
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(String::strip)
                .filter(s ->
                        !s.isEmpty() && !(s.length() >= 2 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0));
        Arbitrary<ProductType> type = Arbitraries.of(ProductType.class);
        Arbitrary<String> status = Arbitraries.of("listed", "unlisted", "draft");
        Arbitrary<List<String>> channels = Arbitraries.subsetOf(CatalogRowParser.CHANNELS)
                .map(set ->
                        CatalogRowParser.CHANNELS.stream().filter(set::contains).toList());
        Arbitrary<Long> price = Arbitraries.longs().between(0, 99_999_999_99L);
        Arbitrary<long[]> term = Combinators.combine(
                        Arbitraries.longs().between(1, 9_999_99L), Arbitraries.of(12, 18, 24, 36))
                .as((fee, months) -> new long[] {fee, months});
        Arbitrary<Optional<String>> brand = text.optional();
        return Combinators.combine(sku, type, text, brand, price, status, channels, term)
                .as((s, t, n, b, p, st, ch, fm) -> {
                    boolean contract = t == ProductType.CONTRACT;
                    long pr = p == 0 && t != ProductType.PLAN && !contract ? 1 : p;
                    List<String> chs = ch.isEmpty() && st.equals("listed") ? List.of("hall") : ch;
                    return new Product(
                            s,
                            t,
                            n,
                            b.orElse(null),
                            pr,
                            st,
                            chs,
                            contract ? fm[0] : null,
                            contract ? (int) fm[1] : null);
                });
    }
}
