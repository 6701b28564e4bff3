package io.chanops.ledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvSinkTest {
    private static String write(Object... cells) {
        StringWriter w = new StringWriter();
        try (CsvSink sink = CsvSink.to(w, false)) {
            sink.row(cells);
        }
        return w.toString();
    }

    @Test
    void textCellsThatLookLikeFormulasAreGuarded() {
        assertThat(write("=SUM(A1:A9)", "+86", "-5G", "@cmd", "\tx", "ok"))
                .isEqualTo("'=SUM(A1:A9),'+86,'-5G,'@cmd,'\tx,ok\r\n");
    }

    @Test
    void textThatStartsWithTheGuardPrefixGetsOneMoreSoItReadsBackExactly() {
        assertThat(write("'=1+1")).isEqualTo("''=1+1\r\n");
        assertThat(FormulaGuard.unguard("''=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void numericCellsAreNeverAltered() {
        assertThat(write(new BigDecimal("-12.50"), -3L, 0)).isEqualTo("-12.50,-3,0\r\n");
    }

    @Test
    void bomIsWrittenOnlyWhenAsked() {
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        try (CsvSink sink = CsvSink.to(with, true)) {
            sink.header("a");
        }
        byte[] b = with.toByteArray();
        assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        try (CsvSink sink = CsvSink.to(without, false)) {
            sink.header("a");
        }
        assertThat(without.toString(StandardCharsets.UTF_8)).isEqualTo("a\r\n");
    }

    @Property(tries = 300)
    void whateverIsWrittenReadsBackUnchanged(
            @ForAll
                    @StringLength(max = 40)
                    @AlphaChars
                    @NumericChars
                    @Chars({'=', '+', '-', '@', ' ', ',', '"', '\'', '\n', '\t', ';'})
                    @CharRange(from = '\u4e00', to = '\u4e2f')
                    String text)
            throws Exception {
        String value = text.strip();
        Path f = Files.createTempFile("roundtrip", ".csv");
        try {
            try (CsvSink sink = CsvSink.to(Files.newOutputStream(f), true)) {
                sink.header("name", "n").row(value, 1);
            }
            try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8)) {
                CsvRow row = csv.iterator().next();
                assertThat(row.get("name")).isEqualTo(value.strip());
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
