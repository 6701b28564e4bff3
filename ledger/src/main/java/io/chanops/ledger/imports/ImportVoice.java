package io.chanops.ledger.imports;

/**
 * How an import's warnings word what happens to the rows they name: imported by the import, or what the import would
 * do, in its dry run ({@code imported as given} against {@code would be imported as given}).
 */
public enum ImportVoice {
    IMPORT("imported", "is imported"),
    DRY_RUN("would be imported", "would be imported");

    private final String imported;
    private final String isImported;

    ImportVoice(String imported, String isImported) {
        this.imported = imported;
        this.isImported = isImported;
    }

    /** The voice of an import, or of its dry run. */
    public static ImportVoice of(boolean dryRun) {
        return dryRun ? DRY_RUN : IMPORT;
    }

    /** {@code "imported"} or {@code "would be imported"}, as in "... imported as given". */
    public String imported() {
        return imported;
    }

    /** {@code "is imported"} or {@code "would be imported"}, as in "it is imported as a new SKU". */
    public String isImported() {
        return isImported;
    }
}
