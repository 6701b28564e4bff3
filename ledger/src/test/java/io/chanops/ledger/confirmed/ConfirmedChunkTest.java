package io.chanops.ledger.confirmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmedChunkTest {
    /** One order as the builder takes it. */
    record Row(
            String orderId,
            long createdAt,
            String channel,
            String siteId,
            String msisdn,
            String sku,
            long qty,
            long amountFen,
            long bossNetFen,
            long acceptedAt,
            String status,
            boolean live,
            String matchedBy) {
        void addTo(ConfirmedChunk.Builder b) {
            b.add(
                    orderId,
                    createdAt,
                    channel,
                    siteId,
                    msisdn,
                    sku,
                    qty,
                    amountFen,
                    bossNetFen,
                    acceptedAt,
                    status,
                    live,
                    matchedBy);
        }

        static Row of(ConfirmedChunk c, int i) {
            return new Row(
                    c.orderId(i),
                    c.createdAt(i),
                    c.channel(i),
                    c.siteId(i),
                    c.msisdn(i),
                    c.sku(i),
                    c.qty(i),
                    c.amountFen(i),
                    c.bossNetFen(i),
                    c.acceptedAt(i),
                    c.platformStatus(i),
                    c.bossLive(i),
                    c.matchedBy(i));
        }
    }

    private static List<Row> roundTrip(List<Row> rows, boolean deflate) {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(deflate, Math.max(1, rows.size()));
        rows.forEach(r -> r.addTo(b));
        ConfirmedChunk c = ConfirmedChunk.decode(b.encode(), 1, 0, rows.size());
        List<Row> back = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            back.add(Row.of(c, i));
        }
        return back;
    }

    private static Row row(String orderId, long createdAt) {
        return new Row(
                orderId,
                createdAt,
                "web",
                "GZ-WEB",
                "13800138000",
                "SIM-STD",
                1,
                1000,
                1000,
                createdAt + 300,
                "completed",
                true,
                "order_ref");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void edgeValuesComeBackExactly(boolean deflate) {
        List<Row> rows = List.of(
                new Row("", 0, "", "", "", "", 0, 0, 0, 0, "", false, ""),
                new Row(
                        "订单-Ä-001",
                        -2_208_988_800L,
                        "小程序",
                        "广州天河营业厅",
                        "+86 138-0013-8000",
                        "终端😀",
                        Long.MAX_VALUE,
                        -129_900,
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        "refunded",
                        false,
                        "fallback"),
                new Row(
                        "000",
                        253_402_300_799L,
                        "web",
                        "GZ-WEB",
                        "00013800138000",
                        "SIM-STD",
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE + 1,
                        "paid",
                        true,
                        "order_ref"),
                new Row(
                        "1234567890123456789012345",
                        Long.MIN_VALUE + 1,
                        "web",
                        "GZ-WEB",
                        "99999999999999999999",
                        "SIM-STD",
                        -1,
                        1,
                        -1,
                        -62_135_596_800L,
                        "cancelled",
                        true,
                        "order_ref"),
                new Row(
                        "A9",
                        Long.MAX_VALUE,
                        "app",
                        "GZ-WEB",
                        "13800138000",
                        "SIM-STD",
                        1,
                        1,
                        1,
                        ConfirmedChunk.NO_TIME,
                        "completed",
                        true,
                        "order_ref"),
                new Row("A09", 0, "app", "GZ-WEB", "x", "SIM-STD", 1, 1, 1, 0, "completed", true, "order_ref"));
        assertThat(roundTrip(rows, deflate)).containsExactlyElementsOf(rows);
    }

    @Test
    void absentStringsStayAbsentAndDifferFromEmptyOnes() {
        List<Row> rows = List.of(
                new Row("A1", 100, null, null, null, null, 1, 5, 5, ConfirmedChunk.NO_TIME, "paid", true, "order_ref"),
                new Row("A2", 100, "", "", "", "", 1, 5, 5, 100, "paid", true, "order_ref"),
                new Row("A3", 100, null, "S", null, "K", 1, 5, 5, 100, "paid", true, "order_ref"));
        assertThat(roundTrip(rows, true)).containsExactlyElementsOf(rows);
    }

    @Test
    void anEmptyChunkRoundTrips() {
        assertThat(roundTrip(List.of(), true)).isEmpty();
    }

    @Test
    void theMetadataCountsLiveAndCancelledOrdersAndTheCreationRange() {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(true);
        row("A", 500).addTo(b);
        new Row("B", 100, "web", "S", "1", "K", 1, 5, 0, 900, "refunded", false, "order_ref").addTo(b);
        new Row("C", 900, "web", "S", "1", "K", 1, 5, 0, 900, "cancelled", true, "order_ref")
                .addTo(b); // BOSS still live: neither
        new Row("D", 300, "web", "S", "1", "K", 1, 5, 5, 900, "paid", false, "order_ref")
                .addTo(b); // BOSS reversed: neither
        assertThat(b.rows()).isEqualTo(4);
        assertThat(b.liveRows()).isEqualTo(1);
        assertThat(b.cancelledRows()).isEqualTo(1);
        assertThat(b.minCreatedAt()).isEqualTo(100);
        assertThat(b.maxCreatedAt()).isEqualTo(900);
        ConfirmedChunk c = ConfirmedChunk.decode(b.encode(), 1, 0, 4);
        assertThat(c.live(0)).isTrue();
        assertThat(c.cancelled(1)).isTrue();
        assertThat(c.live(2) || c.cancelled(2) || c.live(3) || c.cancelled(3)).isFalse();
    }

    @Test
    void aFullChunkRefusesMoreAndClearStartsAFreshOne() {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(true, 2);
        row("WO1", 10).addTo(b);
        row("WO2", 20).addTo(b);
        assertThat(b.full()).isTrue();
        assertThatThrownBy(() -> row("WO3", 30).addTo(b)).isInstanceOf(IllegalStateException.class);
        byte[] first = b.encode();
        b.clear();
        row("X7", 5).addTo(b);
        ConfirmedChunk second = ConfirmedChunk.decode(b.encode(), 1, 1, 1);
        assertThat(Row.of(second, 0)).isEqualTo(row("X7", 5));
        assertThat(second.rows()).isEqualTo(1);
        assertThat(ConfirmedChunk.decode(first, 1, 0, 2).orderId(1)).isEqualTo("WO2");
    }

    @Test
    void sequentialOrdersTakeAFewBytesEach() {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(false);
        for (int i = 0; i < ConfirmedChunk.ROWS; i++) {
            row(String.format("WO%09d", i), 1_767_196_800L + 2L * i).addTo(b);
        }
        assertThat(b.encode().length).isLessThan(ConfirmedChunk.ROWS * 21); // 3 bytes per order id and msisdn
    }

    @Test
    void aDamagedChunkIsRefusedNamingRunAndChunk() {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(false);
        for (int i = 0; i < 50; i++) {
            row("WO" + i, 1000 + i).addTo(b);
        }
        byte[] good = b.encode();
        assertThat(ConfirmedChunk.decode(good, 7, 3, 50).rows()).isEqualTo(50);
        assertThatThrownBy(() -> ConfirmedChunk.decode(Arrays.copyOf(good, good.length - 5), 7, 3, 50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 7, chunk 3")
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> ConfirmedChunk.decode(good, 7, 3, 49))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 7, chunk 3");
        byte[] version = good.clone();
        version[0] = 9;
        assertThatThrownBy(() -> ConfirmedChunk.decode(version, 7, 3, 50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> ConfirmedChunk.decode(new byte[0], 7, 3, 50))
                .isInstanceOf(IllegalStateException.class);
        b.clear();
        row("A", 1).addTo(b);
        ConfirmedChunk.Builder d = new ConfirmedChunk.Builder(true);
        row("A", 1).addTo(d);
        byte[] deflated = d.encode();
        deflated[deflated.length - 2] ^= 0x55;
        deflated[deflated.length / 2] ^= 0x55;
        assertThatThrownBy(() -> ConfirmedChunk.decode(deflated, 7, 4, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 7, chunk 4");
    }

    @Property(tries = 300)
    void everyByteFlipIsRefusedOrDecodesToSomeRows(
            @ForAll("chunks") List<Row> rows, @ForAll int position, @ForAll byte mask) {
        ConfirmedChunk.Builder b = new ConfirmedChunk.Builder(position % 2 == 0, Math.max(1, rows.size()));
        rows.forEach(r -> r.addTo(b));
        byte[] payload = b.encode();
        payload[Math.floorMod(position, payload.length)] ^= (byte) (mask == 0 ? 1 : mask);
        try {
            ConfirmedChunk c = ConfirmedChunk.decode(payload, 1, 0, -1);
            for (int i = 0; i < c.rows(); i++) {
                Row.of(c, i);
            }
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("run 1, chunk 0");
        }
    }

    @Property(tries = 200)
    void randomOrdersComeBackIdenticalAndInOrder(@ForAll("chunks") List<Row> rows, @ForAll boolean deflate) {
        assertThat(roundTrip(rows, deflate)).containsExactlyElementsOf(rows);
    }

    @Property(tries = 200)
    void orderIdsAndMsisdnsGivenAsBytesMakeTheSameChunk(@ForAll("chunks") List<Row> rows, @ForAll boolean deflate) {
        ConfirmedChunk.Builder fromStrings = new ConfirmedChunk.Builder(deflate, Math.max(1, rows.size()));
        ConfirmedChunk.Builder fromBytes = new ConfirmedChunk.Builder(deflate, Math.max(1, rows.size()));
        byte[] padding = {'9', 'x', (byte) 0xE4};
        for (Row r : rows) {
            r.addTo(fromStrings);
            // each value inside a larger array, with digits and a stray byte around it, as a reader's column holds it
            byte[] id = concat(padding, r.orderId().getBytes(java.nio.charset.StandardCharsets.UTF_8), padding);
            byte[] phone = concat(padding, r.msisdn().getBytes(java.nio.charset.StandardCharsets.UTF_8), padding);
            fromBytes.add(
                    id,
                    padding.length,
                    id.length - padding.length,
                    r.createdAt(),
                    r.channel(),
                    r.siteId(),
                    phone,
                    padding.length,
                    phone.length - padding.length,
                    r.sku(),
                    r.qty(),
                    r.amountFen(),
                    r.bossNetFen(),
                    r.acceptedAt(),
                    r.status(),
                    r.live(),
                    r.matchedBy());
        }
        assertThat(fromBytes.encode()).isEqualTo(fromStrings.encode());
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] all = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }

    @Provide
    Arbitrary<List<Row>> chunks() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("AB-0123456789").ofMaxLength(25),
                Arbitraries.longs().between(0, 999_999).map(n -> "WO" + String.format("%09d", n)),
                Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(6));
        Arbitrary<String> word =
                Arbitraries.of("", "web", "app", "GZ-天河-01", "paid", "completed", "cancelled", "refunded", "x");
        Arbitrary<Long> time =
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3_000_000_000L, 300_000_000_000L));
        Arbitrary<Long> amount =
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1_000_000, 10_000_000));
        Arbitrary<Row> row = Combinators.combine(
                        Combinators.combine(text, time, word, word, text, word).as(List::<Object>of),
                        Combinators.combine(
                                        amount,
                                        amount,
                                        amount,
                                        Arbitraries.oneOf(time, Arbitraries.just(ConfirmedChunk.NO_TIME)),
                                        word,
                                        Arbitraries.of(true, false),
                                        word)
                                .as(List::<Object>of))
                .as((a, b) -> new Row(
                        (String) a.get(0),
                        (Long) a.get(1),
                        (String) a.get(2),
                        (String) a.get(3),
                        (String) a.get(4),
                        (String) a.get(5),
                        (Long) b.get(0),
                        (Long) b.get(1),
                        (Long) b.get(2),
                        (Long) b.get(3),
                        (String) b.get(4),
                        (Boolean) b.get(5),
                        (String) b.get(6)));
        return row.list().ofMaxSize(300);
    }
}
