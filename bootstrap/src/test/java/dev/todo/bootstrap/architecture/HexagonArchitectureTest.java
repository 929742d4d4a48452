package dev.todo.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks the service's own production classes against every rule of the hexagon. */
class HexagonArchitectureTest {

  private static JavaClasses production;

  /** Test fixtures of other modules arrive as {@code *-tests.jar}: not production code. */
  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.todo");
  }

  @TestFactory
  Stream<DynamicTest> theServiceKeepsEveryRule() {
    return new HexagonRules("dev.todo")
        .all().stream()
            .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }
}
