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
    // 8 MB of page cache per connection, no memory map: a mapped file counts in the process's RSS
    // and grew it with the database (+139 MB after the bench's writes), for no faster hot reads.
    pragmas.put("cache_size", "-8000");
    pragmas.put("mmap_size", "0");
    pragmas.put("journal_size_limit", "67108864");
    return pragmas;
  }
}
