package io.chanops.cli.support;

/** Terminal styles for table cells; rendered only when colour is on. */
public enum Style {
    NONE(""), RED("\u001b[31m"), BOLD_RED("\u001b[1;31m"), YELLOW("\u001b[33m"), GREEN("\u001b[32m"),
    CYAN("\u001b[36m"), BOLD("\u001b[1m"), DIM("\u001b[2m");

    private final String code;

    Style(String code) {
        this.code = code;
    }

    public String apply(String text, boolean colour) {
        return !colour || this == NONE ? text : code + text + "\u001b[0m";
    }
}
