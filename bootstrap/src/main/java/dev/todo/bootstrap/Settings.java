package dev.todo.bootstrap;

import java.util.Optional;

/** How the configuration records read their settings. */
final class Settings {

  private Settings() {}

  /** An optional setting: empty when unset or blank (the YAML maps an unset variable to ""). */
  static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(text -> !text.isEmpty());
  }
}
