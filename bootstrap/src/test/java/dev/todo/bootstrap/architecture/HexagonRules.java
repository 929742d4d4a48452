package dev.todo.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of the hexagon as allow-lists, relative to a base package so that the same
 * rules run against the service ({@code dev.todo}) and against deliberately violating fixtures.
 * Every rule fails on an empty selection (ArchUnit's default), so a rule that matches nothing
 * cannot pass silently.
 */
final class HexagonRules {

  private final String base;

  HexagonRules(String base) {
    this.base = base;
  }

  private String pkg(String relative) {
    return base + "." + relative + "..";
  }

  ArchRule domainDependsOnlyOnJavaAndItself() {
    return classes()
        .that()
        .resideInAPackage(pkg("domain"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", pkg("domain"))
        .as("domain depends only on java.. and itself");
  }

  ArchRule applicationDependsOnlyOnJavaDomainAndItself() {
    return classes()
        .that()
        .resideInAPackage(pkg("application"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", pkg("domain"), pkg("application"))
        .as("application depends only on java.., domain.. and itself");
  }

  ArchRule incomingPortsDoNotKnowOutgoingPorts() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain.port.in"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("domain.port.out"))
        .as("port.in does not depend on port.out");
  }

  ArchRule outgoingPortsDoNotKnowIncomingPorts() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("domain.port.out"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("domain.port.in"))
        .as("port.out does not depend on port.in");
  }

  ArchRule onlyTheRestAdapterTouchesHttp() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("adapters.rest"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.micronaut.http..")
        .as("only adapters.rest touches io.micronaut.http");
  }

  ArchRule onlyThePersistenceAdapterTouchesSql() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("adapters.persistence"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut.data..", "java.sql..", "javax.sql..", "org.flywaydb..", "org.sqlite..")
        .as("only adapters.persistence touches Micronaut Data, JDBC, SQLite and Flyway");
  }

  ArchRule onlyTheGcsAdapterTouchesGoogleCloud() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("adapters.gcs"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.cloud..")
        .as("only adapters.gcs touches com.google.cloud");
  }

  ArchRule restAdapterUsesOnlyDomainAndItsFramework() {
    return adapterAllowList(
        "adapters.rest",
        "io.micronaut..",
        "jakarta..",
        "com.nimbusds..",
        "com.fasterxml.jackson.core..",
        "com.fasterxml.jackson.annotation..",
        "io.swagger..",
        "org.reactivestreams..",
        "org.slf4j..");
  }

  ArchRule persistenceAdapterUsesOnlyDomainAndItsFramework() {
    return adapterAllowList(
        "adapters.persistence",
        "io.micronaut..",
        "jakarta..",
        "java.sql..",
        "javax.sql..",
        "com.zaxxer.hikari..",
        "org.flywaydb..",
        "org.sqlite..",
        "org.slf4j..");
  }

  ArchRule gcsAdapterUsesOnlyDomainAndTheGoogleSdk() {
    return adapterAllowList("adapters.gcs", "com.google.cloud..", "com.google.api.gax..");
  }

  ArchRule localDirectoryAdapterUsesOnlyDomainAndTheJdk() {
    return adapterAllowList("adapters.localfs");
  }

  private ArchRule adapterAllowList(String adapter, String... libraries) {
    var allowed = new java.util.ArrayList<>(List.of("java..", pkg("domain"), pkg(adapter)));
    allowed.addAll(List.of(libraries));
    return classes()
        .that()
        .resideInAPackage(pkg(adapter))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed.toArray(String[]::new))
        .as(
            adapter
                + " depends only on java.., domain.., itself"
                + (libraries.length == 0 ? "" : " and " + String.join(", ", libraries))
                + " (never on application or another adapter)");
  }

  List<ArchRule> all() {
    return List.of(
        domainDependsOnlyOnJavaAndItself(),
        applicationDependsOnlyOnJavaDomainAndItself(),
        incomingPortsDoNotKnowOutgoingPorts(),
        outgoingPortsDoNotKnowIncomingPorts(),
        onlyTheRestAdapterTouchesHttp(),
        onlyThePersistenceAdapterTouchesSql(),
        onlyTheGcsAdapterTouchesGoogleCloud(),
        restAdapterUsesOnlyDomainAndItsFramework(),
        persistenceAdapterUsesOnlyDomainAndItsFramework(),
        gcsAdapterUsesOnlyDomainAndTheGoogleSdk(),
        localDirectoryAdapterUsesOnlyDomainAndTheJdk());
  }
}
