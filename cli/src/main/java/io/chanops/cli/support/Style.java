package io.chanops.cli.support;

/** Terminal styles for text, such as table rows; painted by {@link Colours}, only when colour is on. */
public enum Style {
    NONE,
    RED,
    YELLOW,
    GREEN,
    CYAN,
    BOLD,
    DIM;

    public String apply(String text, boolean colour) {
        return Colours.of(colour).paint(this, text);
    }
}
