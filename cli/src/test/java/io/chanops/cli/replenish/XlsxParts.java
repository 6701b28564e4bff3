package io.chanops.cli.replenish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** The XML of one part of an xlsx file, for what a reader does not expose (frozen panes, autofilter, formats). */
public final class XlsxParts {
    private XlsxParts() {}

    public static String entry(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            var entry = zip.getEntry(name);
            if (entry == null) {
                throw new IllegalArgumentException(xlsx + " has no part " + name);
            }
            try (var in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
