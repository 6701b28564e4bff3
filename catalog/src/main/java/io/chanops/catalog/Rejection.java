package io.chanops.catalog;

import io.chanops.ledger.Problem;

/** One problem of one catalog row: its line in the file, the column, a code and a message for people. */
public record Rejection(long line, String column, RejectCode code, String message) {

    public Problem toProblem(String file) {
        return new Problem(file, line, column, message);
    }
}
