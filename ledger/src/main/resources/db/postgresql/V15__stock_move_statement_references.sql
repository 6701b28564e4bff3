-- chanops ledger, version 15 (PostgreSQL): stock_move's references to site, product and import_batch are checked
-- once per statement instead of once per row. A declared foreign key runs one lookup query per inserted row and
-- key (three per move); a stock import inserts a million moves in one COPY, over a few hundred sites and SKUs and
-- one batch. The triggers below keep what the three foreign keys guaranteed, for every writer (COPY, INSERT,
-- UPDATE, psql):
--  * a new or changed move must name an existing site, product and batch; those rows are locked FOR KEY SHARE, as
--    a foreign key's check locks them, so that no other transaction can delete them or change their key before
--    this one commits. A missing one raises foreign_key_violation (23503), as the foreign key did;
--  * a site, product or batch that a move names can be neither deleted nor given another key (NO ACTION, checked
--    at the end of the statement, as before).
-- Checked with the new and old rows as transition tables: one set-based query per table touched. SQLite keeps its
-- declared foreign keys (its bulk import turns them off and checks the references itself, per distinct value).

ALTER TABLE stock_move DROP CONSTRAINT IF EXISTS stock_move_site_id_fkey;
ALTER TABLE stock_move DROP CONSTRAINT IF EXISTS stock_move_sku_fkey;
ALTER TABLE stock_move DROP CONSTRAINT IF EXISTS stock_move_batch_id_fkey;

CREATE FUNCTION stock_move_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sites text[];
    skus text[];
    batches integer[];
    missing text;
BEGIN
    -- the distinct keys, from one pass over the new rows (grouped by position first: few groups, then fewer keys)
    SELECT array_agg(DISTINCT k.site_id), array_agg(DISTINCT k.sku), array_agg(DISTINCT k.batch_id)
        INTO sites, skus, batches
        FROM (SELECT site_id, sku, batch_id FROM new_moves GROUP BY site_id, sku, batch_id) k;
    IF sites IS NULL THEN
        RETURN NULL;
    END IF;
    -- each referenced row locked once (one deleted meanwhile is skipped, and found missing below)
    PERFORM 1 FROM site WHERE site_id = ANY (sites) FOR KEY SHARE;
    PERFORM 1 FROM product WHERE sku = ANY (skus) FOR KEY SHARE;
    PERFORM 1 FROM import_batch WHERE batch_id = ANY (batches) FOR KEY SHARE;
    SELECT 'site_id)=(' || k || ') is not present in table "site"' INTO missing
        FROM unnest(sites) k WHERE NOT EXISTS (SELECT 1 FROM site s WHERE s.site_id = k) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'sku)=(' || k || ') is not present in table "product"' INTO missing
            FROM unnest(skus) k WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = k) LIMIT 1;
    END IF;
    IF missing IS NULL THEN
        SELECT 'batch_id)=(' || k || ') is not present in table "import_batch"' INTO missing
            FROM unnest(batches) k WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = k) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE =
            'insert or update on table "stock_move" violates a reference: Key (' || missing;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_move_references_insert AFTER INSERT ON stock_move
    REFERENCING NEW TABLE AS new_moves FOR EACH STATEMENT EXECUTE FUNCTION stock_move_references();
CREATE TRIGGER stock_move_references_update AFTER UPDATE ON stock_move
    REFERENCING NEW TABLE AS new_moves FOR EACH STATEMENT EXECUTE FUNCTION stock_move_references();

-- A site, product or batch gone (deleted, or its key changed) while a move still names it.
CREATE FUNCTION stock_move_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone text;
BEGIN
    IF TG_TABLE_NAME = 'site' THEN
        SELECT o.site_id INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM site s WHERE s.site_id = o.site_id)
              AND EXISTS (SELECT 1 FROM stock_move m WHERE m.site_id = o.site_id) LIMIT 1;
    ELSIF TG_TABLE_NAME = 'product' THEN
        SELECT o.sku INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = o.sku)
              AND EXISTS (SELECT 1 FROM stock_move m WHERE m.sku = o.sku) LIMIT 1;
    ELSE
        SELECT o.batch_id::text INTO gone FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = o.batch_id)
              AND EXISTS (SELECT 1 FROM stock_move m WHERE m.batch_id = o.batch_id) LIMIT 1;
    END IF;
    IF gone IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = format(
            'update or delete on table "%s" violates a reference from table "stock_move": key %s is still referenced',
            TG_TABLE_NAME, gone);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_move_site_delete AFTER DELETE ON site
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
CREATE TRIGGER stock_move_site_update AFTER UPDATE ON site
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
CREATE TRIGGER stock_move_product_delete AFTER DELETE ON product
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
CREATE TRIGGER stock_move_product_update AFTER UPDATE ON product
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
CREATE TRIGGER stock_move_batch_delete AFTER DELETE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
CREATE TRIGGER stock_move_batch_update AFTER UPDATE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_move_referenced();
