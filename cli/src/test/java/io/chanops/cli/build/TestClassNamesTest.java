package io.chanops.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A build check: every test class in every module is one Surefire runs. Surefire only picks up classes named
 * {@code Test*}, {@code *Test}, {@code *Tests} or {@code *TestCase}; a class of tests named otherwise compiles and
 * silently never runs.
 */
class TestClassNamesTest {
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|Property|ParameterizedTest|RepeatedTest|Example|TestFactory|FuzzTest)\\b");
    private static final Pattern RUN_BY_SUREFIRE = Pattern.compile("^(Test.*|.*Test|.*Tests|.*TestCase)$");

    @Test
    void everyClassWithTestsIsNamedSoSurefireRunsIt() throws IOException {
        Path root = RepositoryModules.root();
        List<Path> testSources = RepositoryModules.folders("src/test/java");
        assertThat(testSources).as("test source folders under " + root).hasSizeGreaterThan(3);
        List<String> neverRun;
        try (Stream<Path> files = testSources.stream().flatMap(TestClassNamesTest::javaFiles)) {
            neverRun = files.filter(TestClassNamesTest::declaresTests)
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(name -> !RUN_BY_SUREFIRE.matcher(name).matches())
                    .toList();
        }
        assertThat(neverRun)
                .as("test classes Surefire would never run (rename them to end in Test)")
                .isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean declaresTests(Path file) {
        try {
            return TEST_ANNOTATION.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
