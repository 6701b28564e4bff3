package io.chanops.catalog;

import io.chanops.ledger.model.Product;

/** A valid catalog row and the line of the file it came from. */
public record ProductRow(long line, Product product) {}
