package io.chanops.reconcile.run;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * What {@code reconcile run} was asked to do.
 *
 * @param outDir          where to write the reports; null = {@code ./reconcile-<run id>/}
 * @param platformCharset charset of the platform file (UTF-8 unless told)
 * @param dryRun          write the reports and store nothing: the run's transaction is rolled back
 * @param user            who runs it, recorded with the run
 */
public record RunRequest(
        Path platformFile,
        Charset platformCharset,
        Path bossFile,
        Path profileFile,
        Path outDir,
        long toleranceFen,
        long windowSeconds,
        boolean carry,
        boolean mask,
        boolean bom,
        boolean force,
        boolean dryRun,
        LocalDateTime now,
        String user) {}
