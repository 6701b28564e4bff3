package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only a plain identifier may be spliced into the bulk-write helpers' DDL ({@link DeferredIndexes},
 * {@link PlannerStatistics}).
 */
class PlainTableNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"stock_move", "t", "_t2"})
    void aPlainNameIsKept(String table) {
        assertThat(PlainTableName.require(table)).isEqualTo(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t; DROP TABLE site", "public.t", "\"t\"", "T", "2t", ""})
    void anythingElseIsRefused(String table) {
        assertThat(catchThrowable(() -> PlainTableName.require(table)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain table name");
    }
}
