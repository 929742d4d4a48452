package dev.todo.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection settings every SQLite connection of the service gets, as sqlite-jdbc names them.
 */
final class SqlitePragmas {

  private SqlitePragmas() {}

  /** The settings, with {@code cacheKib} KiB of page cache per connection. */
  static Map<String, String> defaults(int cacheKib) {
    var pragmas = new LinkedHashMap<String, String>();
    pragmas.put("journal_mode", "WAL");
    pragmas.put("synchronous", "NORMAL");
    pragmas.put("foreign_keys", "true");
    pragmas.put("busy_timeout", "5000");
    pragmas.put("temp_store", "MEMORY");
    // A bounded page cache per connection (default 2 MiB; pages beyond it are read again from the
    // OS's file cache, which is not the process's memory) and no memory map: a mapped file counts
    // in the process's RSS and grew it with the database (+139 MB after the bench's writes), for
    // no faster hot reads. 8 MB per connection held up to 32 MB of RSS under the bench's mix.
    pragmas.put("cache_size", Integer.toString(-cacheKib));
    pragmas.put("mmap_size", "0");
    pragmas.put("journal_size_limit", "67108864");
    return pragmas;
  }
}
