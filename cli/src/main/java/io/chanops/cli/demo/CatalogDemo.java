package io.chanops.cli.demo;

import java.util.List;

/** The catalog part of the demo. */
public final class CatalogDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of();
    }

    @Override
    public List<DemoStep> steps() {
        return List.of();
    }
}
