package io.chanops.ledger.model;

public record ImportBatch(
        long batchId,
        String kind,
        String fileName,
        String sha256,
        long rowsRead,
        long rowsWritten,
        String importedAt,
        String osUser,
        boolean forced) {}
