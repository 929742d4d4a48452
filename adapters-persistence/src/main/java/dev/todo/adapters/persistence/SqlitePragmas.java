package dev.todo.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection settings every SQLite connection of the service gets, as sqlite-jdbc names them.
 */
final class SqlitePragmas {

  private SqlitePragmas() {}

  static Map<String, String> defaults() {
    var pragmas = new LinkedHashMap<String, String>();
    pragmas.put("journal_mode", "WAL");
    pragmas.put("synchronous", "NORMAL");
    pragmas.put("foreign_keys", "true");
    pragmas.put("busy_timeout", "5000");
    pragmas.put("temp_store", "MEMORY");
    pragmas.put("cache_size", "-16000");
    pragmas.put("mmap_size", "268435456");
    pragmas.put("journal_size_limit", "67108864");
    return pragmas;
  }
}
