package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowsKindTest {
    private final JsonRowsKind stock = new JsonRowsKind(List.of("site_id", "sku", "on_hand"));

    private boolean matches(String text) throws IOException {
        return stock.matches(text.getBytes(StandardCharsets.UTF_8), Path.of("x.json"));
    }

    @Test
    void anArrayOfRowsWithTheSameKeysOrAnEmptyOneIsTheSameKind() throws IOException {
        assertThat(matches("[ {\n  \"site_id\" : \"ST-1\",\n  \"sku\" : {\"a\": [1]},\n  \"on_hand\" : 3\n} ]"))
                .isTrue();
        assertThat(matches("[ ]")).isTrue();
    }

    @Test
    void otherKeysOrOtherJsonOrCsvAreNot() throws IOException {
        // policy list also starts with site_id and sku
        assertThat(matches("[ {\"site_id\": \"ST-1\", \"sku\": \"P\", \"t_days\": 7} ]"))
                .isFalse();
        assertThat(matches("{\"site_id\": \"ST-1\"}")).isFalse();
        assertThat(matches("[1, 2]")).isFalse();
        assertThat(matches("site_id,sku,on_hand\n")).isFalse();
    }
}
