package dev.todo.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proves that each rule reports the fixture class written to break it. */
class HexagonRulesCanFailTest {

  private static final String FIXTURES = "dev.todo.bootstrap.archfixtures";
  private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(FIXTURES);
  private static final HexagonRules RULES = new HexagonRules(FIXTURES);

  static Stream<Arguments> rulesAndTheirViolators() {
    return Stream.of(
        violation(HexagonRules::domainDependsOnlyOnJavaAndItself, "DomainUsingMicronaut"),
        violation(
            HexagonRules::applicationDependsOnlyOnJavaDomainAndItself, "ApplicationUsingAnAdapter"),
        violation(
            HexagonRules::incomingPortsDoNotKnowOutgoingPorts, "IncomingPortUsingOutgoingPort"),
        violation(
            HexagonRules::outgoingPortsDoNotKnowIncomingPorts, "OutgoingPortUsingIncomingPort"),
        violation(HexagonRules::onlyTheRestAdapterTouchesHttp, "PersistenceUsingRest"),
        violation(HexagonRules::onlyThePersistenceAdapterTouchesSql, "RestUsingSql"),
        violation(HexagonRules::restAdapterUsesOnlyDomainAndItsFramework, "RestUsingSql"),
        violation(
            HexagonRules::persistenceAdapterUsesOnlyDomainAndItsFramework, "PersistenceUsingRest"),
        violation(HexagonRules::onlyTheGcsAdapterTouchesGoogleCloud, "LocalfsUsingGoogleCloud"),
        violation(HexagonRules::gcsAdapterUsesOnlyDomainAndTheGoogleSdk, "GcsUsingRest"),
        violation(
            HexagonRules::localDirectoryAdapterUsesOnlyDomainAndTheJdk, "LocalfsUsingGoogleCloud"));
  }

  private static Arguments violation(Function<HexagonRules, ArchRule> rule, String violator) {
    return Arguments.of(rule.apply(RULES), violator);
  }

  @ParameterizedTest(name = "{0} reports {1}")
  @MethodSource("rulesAndTheirViolators")
  void ruleReportsItsViolator(ArchRule rule, String violator) {
    var result = rule.evaluate(VIOLATIONS);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(violator));
  }

  @org.junit.jupiter.api.Test
  void aRuleThatSelectsNothingFails() {
    var nothing = new ClassFileImporter().importPackages("dev.todo.bootstrap.archfixtures.absent");

    var rule = RULES.domainDependsOnlyOnJavaAndItself();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(nothing))
        .hasMessageContaining("failed to check any classes");
  }
}
