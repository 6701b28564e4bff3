package io.chanops.cli.demo;

import java.util.List;

/** A part of the demo owned by one area of the product. */
public interface DemoSection {
    /** Sample files (under samples/) this section uses; they are copied to DIR/samples/. None by default. */
    default List<String> sampleFiles() {
        return List.of();
    }

    List<DemoStep> steps();
}
