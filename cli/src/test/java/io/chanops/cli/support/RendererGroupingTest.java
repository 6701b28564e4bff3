package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts are grouped by thousands in the table view only (issue 15, item 4c). */
class RendererGroupingTest {
    private static Listing listing() {
        return Listing.of("site_id", "qty", "amount")
                .add("0755", 1234567L, new BigDecimal("1429901348.00"))
                .add("GZ", 2L, new BigDecimal("-1234.50"));
    }

    private static String render(Format format) {
        StringWriter s = new StringWriter();
        Renderer.render(listing(), format, new PrintWriter(s), false, false);
        return s.toString();
    }

    @Test
    void tableGroupsAmountsOnly() {
        String table = render(Format.TABLE);
        assertThat(table).contains("1,429,901,348.00").contains("-1,234.50").contains("1234567");
    }

    @Test
    void csvAndJsonNeverGroup() {
        assertThat(render(Format.CSV)).contains("1429901348.00").doesNotContain("1,429");
        assertThat(render(Format.JSON))
                .contains("\"amount\" : 1429901348.00")
                .contains("\"amount\" : -1234.50")
                .contains("\"site_id\" : \"0755\"")
                .doesNotContain("1,429");
    }
}
