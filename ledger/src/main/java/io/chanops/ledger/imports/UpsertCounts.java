package io.chanops.ledger.imports;

/**
 * What an import of master rows (sites, policies) did with its file: the batch recorded (0 in a dry run), the rows
 * read, and how many of them created, updated or left unchanged a row of the ledger (or would, in a dry run).
 */
public record UpsertCounts(long batchId, int rows, int created, int updated, int unchanged) {}
