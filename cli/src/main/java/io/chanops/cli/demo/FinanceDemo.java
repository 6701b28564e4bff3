package io.chanops.cli.demo;

import java.util.List;

/** The finance part of the demo. */
public final class FinanceDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of();
    }

    @Override
    public List<DemoStep> steps() {
        return List.of();
    }
}
