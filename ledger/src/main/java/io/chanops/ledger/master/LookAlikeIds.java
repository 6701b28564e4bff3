package io.chanops.ledger.master;

import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.text.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * New ids that are written as an id the ledger already has, or as one created earlier in the same file, but for case
 * and separators ({@code hs-ip16-128} or {@code HSIP16128} beside {@code HS-IP16-128}): most likely the same site or
 * product mistyped, which would otherwise become a second one silently and split its stock, sales and orders. They
 * are imported as written (ids are compared exactly, as the import contract says), with a warning that names the id
 * they look like.
 */
public final class LookAlikeIds {
    /** Warnings printed one by one; past them, one line counts the rest. */
    static final int NAMED = 20;

    /** An id a file creates, on its line. */
    public record NewId(String id, long line) {}

    private final String noun;
    private final String column;

    /**
     * Checks new ids of one kind: {@code noun} names it in messages ({@code "SKU"}, {@code "site"}), {@code column} is
     * the file's column of the id.
     */
    public LookAlikeIds(String noun, String column) {
        this.noun = noun;
        this.column = column;
    }

    /**
     * Warns, through {@code warn}, of every id of {@code created} (a file's new ids in line order) written as one of
     * {@code known} or an earlier new id but for case and separators.
     */
    public void warn(
            String file, Collection<String> known, List<NewId> created, ImportVoice voice, Consumer<String> warn) {
        Map<String, String> first = new HashMap<>();
        for (String id : known) {
            first.putIfAbsent(KnownIds.canonical(id), id);
        }
        Map<String, Long> createdOn = new HashMap<>();
        List<String> found = new ArrayList<>();
        for (NewId n : created) {
            String key = KnownIds.canonical(n.id());
            String alike = first.putIfAbsent(key, n.id());
            if (alike == null) {
                createdOn.put(n.id(), n.line());
            } else if (!alike.equals(n.id())) {
                Long line = createdOn.get(alike);
                found.add(new Problem(
                                file,
                                n.line(),
                                column,
                                "new " + noun + " '" + n.id() + "' differs from '" + alike + "'"
                                        + (line == null ? "" : " (line " + line + ")")
                                        + " only in case or separators; it " + voice.isImported() + " as a new " + noun
                                        + ": if it means '"
                                        + alike + "', correct the file")
                        .toString());
            }
        }
        Named.warnFirst(found, NAMED, file, "new " + noun + "s differ from another only in case or separators", warn);
    }
}
