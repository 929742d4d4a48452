/**
 * Deliberately broken miniature of the hexagon: each class breaks one rule of {@code HexagonRules},
 * so that {@code HexagonRulesCanFailTest} proves every rule reports a violation.
 */
package dev.todo.bootstrap.archfixtures;
