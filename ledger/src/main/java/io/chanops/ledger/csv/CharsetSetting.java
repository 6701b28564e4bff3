package io.chanops.ledger.csv;

/**
 * Where the user of a reader names the charset of its input: what a message about bytes that are not valid in that
 * charset tells them to change.
 */
public enum CharsetSetting {
    /** The command's {@code --charset} option (every CSV input but a BOSS export). */
    OPTION,
    /** The {@code charset=} key of the file's profile (a BOSS export, whose profile says how it is written). */
    PROFILE;

    /** How to give {@code charset}, as a message says it. */
    String example(String charset) {
        return this == OPTION ? "--charset " + charset : "charset=" + charset + " in the profile";
    }
}
