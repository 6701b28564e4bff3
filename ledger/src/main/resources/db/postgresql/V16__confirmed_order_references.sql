-- chanops ledger, version 16 (PostgreSQL): confirmed_order's reference to reconcile_run is checked once per statement
-- instead of once per row, as V15 does for stock_move and policy. A reconciliation COPYs the confirmed orders of its
-- run (a million in a large month) in a few statements, and the declared foreign key ran one lookup per row for a
-- run id that is the same in all of them. The triggers below keep what the foreign key guaranteed, for every writer:
--  * a new confirmed order names an existing run, which is locked FOR KEY SHARE until the transaction ends; a missing
--    one raises foreign_key_violation (23503), as the foreign key did;
--  * a run that a confirmed order names can be neither deleted nor given another id (NO ACTION, checked at the end
--    of the statement, as before).
-- SQLite keeps its declared foreign key (db/sqlite/V16 changes nothing).

DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conname FROM pg_constraint WHERE conrelid = 'confirmed_order'::regclass AND contype = 'f'
    LOOP
        EXECUTE format('ALTER TABLE confirmed_order DROP CONSTRAINT %I', fk.conname);
    END LOOP;
END
$$;

-- After an INSERT into confirmed_order: the runs it names exist, and stay until the transaction ends.
CREATE FUNCTION chanops_run_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    runs integer[];
    missing integer;
BEGIN
    SELECT array_agg(k.run_id) INTO runs FROM (SELECT run_id FROM new_rows GROUP BY run_id) k;
    IF runs IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM reconcile_run WHERE run_id = ANY (runs) FOR KEY SHARE;
    SELECT k INTO missing FROM unnest(runs) k
        WHERE NOT EXISTS (SELECT 1 FROM reconcile_run r WHERE r.run_id = k) LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = format('insert or update on table "%s" violates a reference: '
            || 'Key (run_id)=(%s) is not present in table "reconcile_run"', TG_TABLE_NAME, missing);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER confirmed_order_references_insert AFTER INSERT ON confirmed_order
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_run_references();

-- After an UPDATE that sets the run id of a confirmed order (chanops never does; psql might): checked and locked row
-- by row, as the foreign key did.
CREATE FUNCTION chanops_run_references_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM reconcile_run WHERE run_id = NEW.run_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format('insert or update on table "%s" violates a reference: '
            || 'Key (run_id)=(%s) is not present in table "reconcile_run"', TG_TABLE_NAME, NEW.run_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER confirmed_order_references_update AFTER UPDATE OF run_id ON confirmed_order
    FOR EACH ROW EXECUTE FUNCTION chanops_run_references_row();

-- After a DELETE of runs: none that a confirmed order still names.
CREATE FUNCTION chanops_run_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone integer;
BEGIN
    SELECT o.run_id INTO gone FROM old_rows o
        WHERE NOT EXISTS (SELECT 1 FROM reconcile_run r WHERE r.run_id = o.run_id)
          AND EXISTS (SELECT 1 FROM confirmed_order c WHERE c.run_id = o.run_id) LIMIT 1;
    IF gone IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = format('update or delete on table "reconcile_run" violates a '
            || 'reference: run %s is still named by a confirmed order', gone);
    END IF;
    RETURN NULL;
END
$$;

-- After an UPDATE that sets a run's id: its old id, if changed, named by no confirmed order.
CREATE FUNCTION chanops_run_referenced_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.run_id IS DISTINCT FROM OLD.run_id
        AND NOT EXISTS (SELECT 1 FROM reconcile_run r WHERE r.run_id = OLD.run_id)
        AND EXISTS (SELECT 1 FROM confirmed_order c WHERE c.run_id = OLD.run_id) THEN
        RAISE foreign_key_violation USING MESSAGE = format('update or delete on table "reconcile_run" violates a '
            || 'reference: run %s is still named by a confirmed order', OLD.run_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER reconcile_run_referenced_delete AFTER DELETE ON reconcile_run
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_run_referenced();
CREATE TRIGGER reconcile_run_referenced_update AFTER UPDATE OF run_id ON reconcile_run
    FOR EACH ROW EXECUTE FUNCTION chanops_run_referenced_row();
