package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jline.jansi.Ansi;
import org.junit.jupiter.api.Test;

class ColoursTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void colourOnAnInteractiveTerminalWithoutNoColor() {
        assertThat(Colours.decide(true, false, NO_ENV::get).on()).isTrue();
        assertThat(Colours.decide(true, false, Map.of("NO_COLOR", "")::get).on())
                .as("NO_COLOR empty counts as unset")
                .isTrue();
    }

    @Test
    void noColourWhenNotATerminal() {
        assertThat(Colours.decide(false, false, NO_ENV::get).on()).isFalse();
    }

    @Test
    void noColourWithTheNoColorOption() {
        assertThat(Colours.decide(true, true, NO_ENV::get).on()).isFalse();
    }

    @Test
    void noColourWithNoColorSetInTheEnvironment() {
        assertThat(Colours.decide(true, false, Map.of("NO_COLOR", "1")::get).on())
                .isFalse();
    }

    @Test
    void colourOffLeavesTheTextAsItIs() {
        for (Style style : Style.values()) {
            assertThat(Colours.of(false).paint(style, "GZ-TH-01  5")).isEqualTo("GZ-TH-01  5");
            assertThat(style.apply("GZ-TH-01  5", false)).isEqualTo("GZ-TH-01  5");
        }
        assertThat(Colours.of(true).paint(Style.NONE, "plain")).isEqualTo("plain");
    }

    @Test
    void colourOnPaintsWithJansisSequences() {
        Colours on = Colours.of(true);
        assertThat(on.paint(Style.RED, "x"))
                .isEqualTo(new Ansi().fgRed().a("x").reset().toString())
                .startsWith("\u001b[31mx");
        assertThat(on.paint(Style.YELLOW, "x"))
                .isEqualTo(new Ansi().fgYellow().a("x").reset().toString())
                .startsWith("\u001b[33mx");
        assertThat(on.paint(Style.GREEN, "x"))
                .isEqualTo(new Ansi().fgGreen().a("x").reset().toString())
                .startsWith("\u001b[32mx");
        assertThat(on.paint(Style.CYAN, "x"))
                .isEqualTo(new Ansi().fgCyan().a("x").reset().toString())
                .startsWith("\u001b[36mx");
        assertThat(on.paint(Style.BOLD, "x"))
                .isEqualTo(new Ansi().bold().a("x").reset().toString())
                .startsWith("\u001b[1mx");
        assertThat(on.paint(Style.DIM, "x"))
                .isEqualTo(new Ansi()
                        .a(Ansi.Attribute.INTENSITY_FAINT)
                        .a("x")
                        .reset()
                        .toString())
                .startsWith("\u001b[2mx");
        assertThat(Style.BOLD.apply("x", true)).isEqualTo(on.paint(Style.BOLD, "x"));
    }

    @Test
    void helpColoursFollowTheDecision() {
        assertThat(Colours.of(true).helpScheme().ansi().enabled()).isTrue();
        assertThat(Colours.of(false).helpScheme().ansi().enabled()).isFalse();
    }
}
