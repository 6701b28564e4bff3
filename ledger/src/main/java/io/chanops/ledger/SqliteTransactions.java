package io.chanops.ledger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQLite's transactions as SQL statements ({@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK}) on a connection
 * left in auto-commit mode, instead of the JDBC driver's {@code setAutoCommit(false)} and {@code commit()}.
 *
 * <p>The reason: sqlite-jdbc's {@code commit()} runs {@code COMMIT} and then at once the {@code BEGIN IMMEDIATE} of a
 * next transaction, which waits for the write lock. When another command was waiting for that lock, it takes it as the
 * commit releases it; the next {@code BEGIN} then waits out the busy timeout, and a commit that succeeded was reported
 * as "ledger busy" (exit 5), inviting the user to run an import again that was already in the ledger. Here a commit is
 * only a commit.
 *
 * <p>Each handle gets its own state ({@link #specialize}), as JDBI's own handler does: a transaction is begun once
 * (a nested {@code inTransaction} is refused), and one rolled back inside {@code inTransaction} (a dry run) is not
 * committed after it.
 */
final class SqliteTransactions implements TransactionHandler {
    @Override
    public TransactionHandler specialize(Handle handle) {
        return new Bound();
    }

    private static IllegalStateException unbound() {
        return new IllegalStateException("SQLite transactions are handled per handle (specialize)");
    }

    @Override
    public void begin(Handle handle) {
        throw unbound();
    }

    @Override
    public void commit(Handle handle) {
        throw unbound();
    }

    @Override
    public void rollback(Handle handle) {
        throw unbound();
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        throw unbound();
    }

    @Override
    public void savepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) {
        throw unbound();
    }

    @Override
    public <R, X extends Exception> R inTransaction(
            Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) {
        throw unbound();
    }

    /** The transactions of one handle. */
    private static final class Bound implements TransactionHandler {
        private boolean open;

        @Override
        public void begin(Handle handle) {
            handle.execute("BEGIN IMMEDIATE");
            open = true;
        }

        @Override
        public void commit(Handle handle) {
            try {
                handle.execute("COMMIT");
            } catch (RuntimeException e) {
                // a commit that failed (a full disk) may leave the transaction open: end it, keep the failure
                rollbackQuietly(handle, e);
                throw e;
            } finally {
                open = false;
            }
        }

        @Override
        public void rollback(Handle handle) {
            try {
                if (open) {
                    handle.execute("ROLLBACK");
                }
            } finally {
                open = false;
            }
        }

        private void rollbackQuietly(Handle handle, RuntimeException cause) {
            try {
                handle.execute("ROLLBACK");
            } catch (RuntimeException alreadyEnded) {
                // SQLite ended the transaction itself ("no transaction is active"): nothing to undo
                cause.addSuppressed(alreadyEnded);
            }
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return open;
        }

        @Override
        public void savepoint(Handle handle, String name) {
            handle.execute("SAVEPOINT " + PlainTableName.require(name));
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            handle.execute("ROLLBACK TO SAVEPOINT " + PlainTableName.require(name));
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            handle.execute("RELEASE SAVEPOINT " + PlainTableName.require(name));
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            if (open) {
                throw new IllegalStateException("Already in transaction");
            }
            begin(handle);
            try {
                R result = callback.withHandle(handle);
                if (open) {
                    commit(handle);
                }
                return result;
            } catch (Throwable t) {
                if (open) {
                    try {
                        rollback(handle);
                    } catch (RuntimeException e) {
                        t.addSuppressed(e);
                    }
                }
                throw t;
            }
        }

        /** SQLite's transactions are serializable whatever the level asked. */
        @Override
        public <R, X extends Exception> R inTransaction(
                Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
            return inTransaction(handle, callback);
        }
    }
}
