package io.chanops.replenish.check;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The record of every check run (full, emergency-only, after an import): the only code that knows {@code check_run}. */
public interface CheckRunRepository {
    /** The next run id, inside the serialised write transaction. */
    @SqlQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM check_run")
    long nextId();

    @SqlUpdate("INSERT INTO check_run (run_id, at, scope, positions, reviewed, regular, emergency, escalated, os_user) "
            + "VALUES (:id, :at, :scope, :positions, :reviewed, :regular, :emergency, :escalated, :user)")
    void record(@Bind("id") long runId, @Bind("at") String at, @Bind("scope") String scope, @Bind("positions") long positions,
                @Bind("reviewed") long reviewed, @Bind("regular") long regular, @Bind("emergency") long emergency,
                @Bind("escalated") long escalated, @Bind("user") String user);

    /** The latest run as {@code "at (scope)"}, if any ran. */
    @SqlQuery("SELECT at || ' (' || scope || ')' FROM check_run ORDER BY run_id DESC LIMIT 1")
    Optional<String> last();
}
