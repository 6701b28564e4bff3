package io.chanops.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.boss.BossDateTime;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The matched.csv writer writes the bytes the ledger's CsvSink would, whatever the cells hold. */
class MatchedCsvTest {

    private static String fast(String text, long fen, long at, boolean bom) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (MatchedCsv out = new MatchedCsv(bytes, bom, false)) {
            out.text(text);
            out.bytes(utf8, 0, utf8.length);
            out.yuan(fen);
            out.number(fen);
            out.dateTime(at);
            out.bytes(utf8, 0, utf8.length);
            out.end();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String sink(String text, long fen, long at, boolean bom) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvSink out = CsvSink.to(bytes, bom)) {
            out.row(text, text, Fen.toYuan(fen), fen, BossDateTime.format(at), text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Property(tries = 1000)
    void sameBytesAsCsvSink(
            @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long fen,
            @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long at,
            @ForAll("cells") String text,
            @ForAll boolean bom) {
        assertThat(fast(text, fen, at, bom)).isEqualTo(sink(text, fen, at, bom));
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "WO260100001",
                        "GZ-WEB",
                        "BS1|BS2",
                        "2026-01-05 10:00:00",
                        "a,b",
                        "say \"hi\"",
                        "=1+1",
                        "-5",
                        "+5",
                        "@x",
                        "'=x",
                        "''=x",
                        "'x",
                        "line\nbreak",
                        "cr\rx",
                        "天河城营业厅",
                        "fallback",
                        "",
                        " lead",
                        "trail ",
                        "#x",
                        "!x",
                        "x#",
                        "\tx",
                        "x\t"),
                Arbitraries.strings().withChars("ab,\"'=+-@#! \t\n天").ofMaxLength(5));
    }
}
