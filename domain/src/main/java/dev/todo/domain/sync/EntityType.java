package dev.todo.domain.sync;

/** What a sync entry is about: a list, a to-do or a step. */
public enum EntityType {
  LIST("list"),
  TODO("todo"),
  STEP("step");

  private final String wireName;

  EntityType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static EntityType fromWireName(String name) {
    for (EntityType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown entity type " + name);
  }
}
