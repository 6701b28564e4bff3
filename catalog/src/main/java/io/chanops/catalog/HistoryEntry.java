package io.chanops.catalog;

/**
 * One line of a product's history: when (the import's time), which import batch and file, which OS user, what kind
 * of change, and one field's old and new value.
 */
public record HistoryEntry(
        String at,
        long batchId,
        String file,
        String user,
        String sku,
        String change,
        String field,
        String oldValue,
        String newValue) {}
