-- chanops ledger, version 15 (PostgreSQL): the references of stock_move (to site, product and import_batch) and of
-- policy (to site and product) are checked once per statement instead of once per row. A declared foreign key runs
-- one lookup query per written row and key: a stock import COPYs a million moves (three million lookups) that name a
-- few hundred sites and SKUs and one batch, and a tuning run upserts a policy for every position. The triggers below
-- keep what those foreign keys guaranteed, for every writer (COPY, INSERT, UPDATE, psql):
--  * a new or changed row must name an existing site, product (and, for a move, batch); those rows are locked
--    FOR KEY SHARE, as a foreign key's check locks them, so that no other transaction can delete them or change their
--    key before this one commits. A missing one raises foreign_key_violation (23503), as the foreign key did;
--  * a site, product or batch that a move or policy names can be neither deleted nor given another key (NO ACTION,
--    checked at the end of the statement, as before).
-- Inserts and deletes are checked per statement, with the new or old rows as transition tables: a few set-based
-- queries however many rows (a writer of many rows should therefore write them in few statements: COPY, or one
-- INSERT ... SELECT). An UPDATE is checked per row, and only when it sets a key column. SQLite keeps its
-- declared foreign keys (its bulk import turns them off and checks the references itself, per distinct value).

DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS t, conname FROM pg_constraint
        WHERE conrelid IN ('stock_move'::regclass, 'policy'::regclass) AND contype = 'f'
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.t, fk.conname);
    END LOOP;
END
$$;

-- After an INSERT into stock_move or policy: the rows it names exist, and stay until the transaction ends.
CREATE FUNCTION chanops_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sites text[];
    skus text[];
    batches integer[];
    missing text;
BEGIN
    -- the distinct keys, from one pass over the new rows (grouped first: few groups, then fewer keys)
    IF TG_TABLE_NAME = 'stock_move' THEN
        SELECT array_agg(DISTINCT k.site_id), array_agg(DISTINCT k.sku), array_agg(DISTINCT k.batch_id)
            INTO sites, skus, batches
            FROM (SELECT site_id, sku, batch_id FROM new_rows GROUP BY site_id, sku, batch_id) k;
    ELSE
        SELECT array_agg(DISTINCT k.site_id), array_agg(DISTINCT k.sku) INTO sites, skus
            FROM (SELECT site_id, sku FROM new_rows GROUP BY site_id, sku) k;
    END IF;
    IF sites IS NULL THEN
        RETURN NULL;
    END IF;
    -- each referenced row locked once (one deleted meanwhile is skipped, and found missing below)
    PERFORM 1 FROM site WHERE site_id = ANY (sites) FOR KEY SHARE;
    PERFORM 1 FROM product WHERE sku = ANY (skus) FOR KEY SHARE;
    IF batches IS NOT NULL THEN
        PERFORM 1 FROM import_batch WHERE batch_id = ANY (batches) FOR KEY SHARE;
    END IF;
    SELECT 'site_id)=(' || k || ') is not present in table "site"' INTO missing
        FROM unnest(sites) k WHERE NOT EXISTS (SELECT 1 FROM site s WHERE s.site_id = k) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'sku)=(' || k || ') is not present in table "product"' INTO missing
            FROM unnest(skus) k WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = k) LIMIT 1;
    END IF;
    IF missing IS NULL AND batches IS NOT NULL THEN
        SELECT 'batch_id)=(' || k || ') is not present in table "import_batch"' INTO missing
            FROM unnest(batches) k WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = k) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'insert or update on table "%s" violates a reference: Key (%s', TG_TABLE_NAME, missing);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_move_references_insert AFTER INSERT ON stock_move
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_references();
CREATE TRIGGER policy_references_insert AFTER INSERT ON policy
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_references();

-- After an UPDATE that sets a key column of a move or policy (chanops never does; psql might): the row's references,
-- checked and locked row by row as a foreign key would. An UPDATE of other columns (the check's review marks, an
-- upsert's new levels) fires nothing: a trigger with a column list cannot see transition tables, hence per row.
CREATE FUNCTION chanops_references_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM site WHERE site_id = NEW.site_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'insert or update on table "%s" violates a reference: Key (site_id)=(%s) is not present in table "site"',
            TG_TABLE_NAME, NEW.site_id);
    END IF;
    PERFORM 1 FROM product WHERE sku = NEW.sku FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'insert or update on table "%s" violates a reference: Key (sku)=(%s) is not present in table "product"',
            TG_TABLE_NAME, NEW.sku);
    END IF;
    IF TG_TABLE_NAME = 'stock_move' THEN
        PERFORM 1 FROM import_batch WHERE batch_id = NEW.batch_id FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE foreign_key_violation USING MESSAGE = format('insert or update on table "stock_move" violates a '
                || 'reference: Key (batch_id)=(%s) is not present in table "import_batch"', NEW.batch_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_move_references_update AFTER UPDATE OF site_id, sku, batch_id ON stock_move
    FOR EACH ROW EXECUTE FUNCTION chanops_references_row();
CREATE TRIGGER policy_references_update AFTER UPDATE OF site_id, sku ON policy
    FOR EACH ROW EXECUTE FUNCTION chanops_references_row();

-- After a DELETE of site, product or import_batch rows: none that a move or policy still names.
CREATE FUNCTION chanops_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone text;
BEGIN
    IF TG_TABLE_NAME = 'site' THEN
        SELECT o.site_id INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM site s WHERE s.site_id = o.site_id)
              AND (EXISTS (SELECT 1 FROM stock_move m WHERE m.site_id = o.site_id)
                   OR EXISTS (SELECT 1 FROM policy p WHERE p.site_id = o.site_id)) LIMIT 1;
    ELSIF TG_TABLE_NAME = 'product' THEN
        SELECT o.sku INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = o.sku)
              AND (EXISTS (SELECT 1 FROM stock_move m WHERE m.sku = o.sku)
                   OR EXISTS (SELECT 1 FROM policy p WHERE p.sku = o.sku)) LIMIT 1;
    ELSE
        SELECT o.batch_id::text INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = o.batch_id)
              AND EXISTS (SELECT 1 FROM stock_move m WHERE m.batch_id = o.batch_id) LIMIT 1;
    END IF;
    IF gone IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'update or delete on table "%s" violates a reference: key %s is still named by a stock move or policy',
            TG_TABLE_NAME, gone);
    END IF;
    RETURN NULL;
END
$$;

-- After an UPDATE that sets the key column of a site, product or batch: its old key, if changed, named by nothing.
-- Per row, and only when the key column is set (imports that update names or prices fire nothing).
CREATE FUNCTION chanops_referenced_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
    old_key text;
BEGIN
    IF TG_TABLE_NAME = 'site' THEN
        old_key := OLD.site_id;
        named := NEW.site_id IS DISTINCT FROM OLD.site_id
            AND NOT EXISTS (SELECT 1 FROM site s WHERE s.site_id = OLD.site_id)
            AND (EXISTS (SELECT 1 FROM stock_move m WHERE m.site_id = OLD.site_id)
                 OR EXISTS (SELECT 1 FROM policy p WHERE p.site_id = OLD.site_id));
    ELSIF TG_TABLE_NAME = 'product' THEN
        old_key := OLD.sku;
        named := NEW.sku IS DISTINCT FROM OLD.sku
            AND NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = OLD.sku)
            AND (EXISTS (SELECT 1 FROM stock_move m WHERE m.sku = OLD.sku)
                 OR EXISTS (SELECT 1 FROM policy p WHERE p.sku = OLD.sku));
    ELSE
        old_key := OLD.batch_id::text;
        named := NEW.batch_id IS DISTINCT FROM OLD.batch_id
            AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = OLD.batch_id)
            AND EXISTS (SELECT 1 FROM stock_move m WHERE m.batch_id = OLD.batch_id);
    END IF;
    IF named THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'update or delete on table "%s" violates a reference: key %s is still named by a stock move or policy',
            TG_TABLE_NAME, old_key);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER site_referenced_delete AFTER DELETE ON site
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_referenced();
CREATE TRIGGER site_referenced_update AFTER UPDATE OF site_id ON site
    FOR EACH ROW EXECUTE FUNCTION chanops_referenced_row();
CREATE TRIGGER product_referenced_delete AFTER DELETE ON product
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_referenced();
CREATE TRIGGER product_referenced_update AFTER UPDATE OF sku ON product
    FOR EACH ROW EXECUTE FUNCTION chanops_referenced_row();
CREATE TRIGGER import_batch_referenced_delete AFTER DELETE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chanops_referenced();
CREATE TRIGGER import_batch_referenced_update AFTER UPDATE OF batch_id ON import_batch
    FOR EACH ROW EXECUTE FUNCTION chanops_referenced_row();
