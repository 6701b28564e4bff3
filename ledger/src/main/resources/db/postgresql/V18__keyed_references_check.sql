-- chanops ledger, version 18 (PostgreSQL): the check of V15's insert trigger, callable with the keys themselves.
-- chanops_check_references(table, sites, skus, batches) checks that the named sites, products and batches exist and
-- locks them FOR KEY SHARE until the transaction ends, raising foreign_key_violation (23503) for a missing one: what
-- chanops_references() does after an INSERT into stock_move or policy, which now gathers the keys from its transition
-- table and calls it. A bulk load that knows the keys of its rows (the stock import's moves name a few hundred sites
-- and SKUs and one batch) and holds the table exclusively may turn the insert trigger off for its COPY and call this
-- instead: the trigger's transition table keeps a copy of every inserted row, which for millions of rows costs as
-- much as inserting them. Nothing else changes: every other writer still fires the trigger.

CREATE FUNCTION chanops_check_references(tbl text, sites text[], skus text[], batches integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    IF sites IS NULL THEN
        RETURN;
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
            'insert or update on table "%s" violates a reference: Key (%s', tbl, missing);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION chanops_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sites text[];
    skus text[];
    batches integer[];
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
    PERFORM chanops_check_references(TG_TABLE_NAME, sites, skus, batches);
    RETURN NULL;
END
$$;
