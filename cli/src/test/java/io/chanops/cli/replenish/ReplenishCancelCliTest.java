package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replenish cancel}: several orders, or the orders of one check run, all or none. The check at 09:30 raises
 * three orders on {@link TwoStoreLedger}.
 */
class ReplenishCancelCliTest {
    @TempDir
    Path dir;

    CliHarness cli;
    String run;

    @BeforeEach
    void checked() {
        cli = TwoStoreLedger.make(dir);
        CliHarness.Result check = cli.run("replenish", "check");
        Matcher m = Pattern.compile("\\(run (\\d+)\\)").matcher(check.out() + check.err());
        assertThat(m.find()).as(check.toString()).isTrue();
        run = m.group(1);
    }

    private String status(String orderId) {
        return cli.run("replenish", "orders", "--format", "csv")
                .out()
                .lines()
                .filter(l -> l.startsWith(orderId + ","))
                .findFirst()
                .orElseThrow()
                .split(",")[5];
    }

    @Test
    void aCheckRunsOpenAndPlannedOrdersAreCancelledTogetherAndItsShippedOrderIsLeft() {
        CliHarness.Result listed = cli.run("replenish", "orders", "--run", run, "--format", "csv");
        assertThat(listed.out().lines().skip(1)).hasSize(3);
        assertThat(cli.run("replenish", "ship", "RO-20260302-000001").code()).isZero();

        CliHarness.Result r = cli.run("replenish", "cancel", "--run", run);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("RO-20260302-000002 cancelled (")
                .contains("RO-20260302-000003 cancelled (")
                .contains("check run " + run + " (2026-03-02 09:30:00 (full)): 2 orders cancelled, 1 left as they"
                        + " are: RO-20260302-000001 (shipped)");
        assertThat(status("RO-20260302-000001")).isEqualTo("shipped");
        assertThat(status("RO-20260302-000002")).isEqualTo("cancelled");

        CliHarness.Result again = cli.run("replenish", "cancel", "--run", run);
        assertThat(again.out()).contains("0 orders cancelled, 3 left as they are");
    }

    @Test
    void ordersNamedTogetherAreCancelledAllOrNone() {
        CliHarness.Result refused =
                cli.run("replenish", "cancel", "RO-20260302-000002", "RO-20260302-000099", "RO-20260302-000003");
        assertThat(refused.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(refused.err()).contains("order RO-20260302-000099: no such order");
        assertThat(status("RO-20260302-000002")).isEqualTo("open");

        CliHarness.Result r = cli.run("replenish", "cancel", "RO-20260302-000002", "RO-20260302-000003");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(status("RO-20260302-000003")).isEqualTo("cancelled");
    }

    /** An id typed another way names the order meant; one that is no order says why: its day, or an id's shape. */
    @Test
    void anUnknownOrderIdSaysWhatWasMeant() {
        CliHarness.Result lower = cli.run("replenish", "cancel", "ro-20260302-2");
        assertThat(lower.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(lower.err()).contains("order ro-20260302-2: no such order (did you mean 'RO-20260302-000002'?)");
        assertThat(status("RO-20260302-000002")).isEqualTo("open");

        assertThat(cli.run("replenish", "cancel", "RO-20260302-000099").err())
                .contains("order RO-20260302-000099: no such order: the orders raised on 2026-03-02 are"
                        + " RO-20260302-000001 to RO-20260302-00000");
        assertThat(cli.run("replenish", "cancel", "RO-20260301-000001").err())
                .contains("no such order: no order was raised on 2026-03-01");
        assertThat(cli.run("replenish", "cancel", "RO-20260230-000001").err())
                .contains("no such order: 20260230 is not a day (ids are RO-YYYYMMDD-NNNNNN)");
        CliHarness.Result number = cli.run("replenish", "ship", "123456");
        assertThat(number.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(number.err()).contains("order 123456: no such order: order ids are RO-YYYYMMDD-NNNNNN");
    }

    @Test
    void aRunThatDidNotHappenOrNoOrderAtAllIsRefused() {
        CliHarness.Result none = cli.run("replenish", "cancel", "--run", "99");
        assertThat(none.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(none.err())
                .contains("check run 99: no such check run (the last is run " + run
                        + "; a check prints its run number on its last line)");
        assertThat(cli.run("replenish", "orders", "--run", "99").code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(cli.run("replenish", "cancel").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("replenish", "cancel", "RO-20260302-000002", "--run", run)
                        .code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(status("RO-20260302-000002")).isEqualTo("open");
    }
}
