package io.chanops.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.money.Fen;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The fast matched.csv writer writes what the ledger's CsvSink would. */
class BulkCsvOutTest {

    private static String fast(String text, long fen, boolean bom) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BulkCsvOut out = new BulkCsvOut(bytes, bom)) {
            out.text(text).yuan(fen).number(fen).text(text);
            out.end();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String sink(String text, long fen, boolean bom) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvSink out = CsvSink.to(bytes, bom)) {
            out.row(text, Fen.toYuan(fen), fen, text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Property(tries = 500)
    void sameTextAsCsvSinkForAmountsAndPlainOrHostileText(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long fen,
                                                          @ForAll("cells") String text) {
        assertThat(fast(text, fen, false)).isEqualTo(sink(text, fen, false));
        assertThat(fast(text, fen, true)).isEqualTo(sink(text, fen, true));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> cells() {
        return net.jqwik.api.Arbitraries.of("WO260100001", "GZ-WEB", "BS1|BS2", "2026-01-05 10:00:00", "a,b", "say \"hi\"",
                "=1+1", "-5", "@x", "line\nbreak", "天河城营业厅", "fallback", "", " lead", "trail ", "#x", "!x", "x#", "\tx");
    }
}
