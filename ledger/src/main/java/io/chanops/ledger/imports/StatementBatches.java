package io.chanops.ledger.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One statement run for many rows in batches of a bounded size, so that memory stays bounded whatever the number of
 * rows: on a JDBC statement ({@link #execute}, where JDBI's per-argument binding would cost more than the statement)
 * or on a JDBI batch ({@link #of}).
 */
public final class StatementBatches {
    private final PreparedBatch batch;
    private final int size;
    private int pending;

    private StatementBatches(PreparedBatch batch, int size) {
        this.batch = batch;
        this.size = size;
    }

    /** Sets one item's parameters on the statement. */
    @FunctionalInterface
    public interface Parameters<T> {
        void set(PreparedStatement statement, T item) throws SQLException;
    }

    /** Runs {@code sql} once per item on {@code connection}, in JDBC batches of {@code size}. */
    public static <T> void execute(
            Connection connection, String sql, int size, List<T> items, Parameters<T> parameters) {
        execute(connection, sql, size, items, parameters, counts -> {});
    }

    /** As above, giving each batch's update counts (rows changed by each item) to {@code counts}. */
    public static <T> void execute(
            Connection connection,
            String sql,
            int size,
            List<T> items,
            Parameters<T> parameters,
            Consumer<int[]> counts) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                parameters.set(statement, item);
                statement.addBatch();
                if (++pending == size) {
                    counts.accept(statement.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                counts.accept(statement.executeBatch());
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Rows of {@code batch}, run every {@code size} rows by {@link #add} and the rest by {@link #finish}. */
    public static StatementBatches of(PreparedBatch batch, int size) {
        return new StatementBatches(batch, size);
    }

    /** Adds the row just bound; runs the batch when it holds {@code size} rows. */
    public void add() {
        batch.add();
        if (++pending == size) {
            batch.execute();
            pending = 0;
        }
    }

    /** Runs the rows not run yet. */
    public void finish() {
        if (pending > 0) {
            batch.execute();
        }
    }
}
