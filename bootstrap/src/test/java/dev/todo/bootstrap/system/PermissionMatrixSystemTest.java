package dev.todo.bootstrap.system;

import dev.todo.bootstrap.ServiceOnRandomPort;
import dev.todo.domain.testing.PermissionMatrix;
import dev.todo.domain.testing.PermissionMatrix.Cell;
import dev.todo.domain.testing.PermissionMatrixOverHttp;
import dev.todo.domain.testing.PermissionMatrixState;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix ({@link PermissionMatrix}) on the assembled service over a socket, on a
 * real SQLite file: the access read from the database in each request's transaction. Each cell
 * builds the table's state afresh (new lists, to-dos and attachment; the users are made known
 * once).
 */
class PermissionMatrixSystemTest {

  @TempDir static Path directory;
  private static EmbeddedServer server;
  private static PermissionMatrixOverHttp http;

  @BeforeAll
  static void start() {
    server = ServiceOnRandomPort.start(directory, Map.of());
    http = new PermissionMatrixOverHttp(server.getURL().toString());
    PermissionMatrixState.knowEveryone(http);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Cell> cells() {
    return PermissionMatrix.cells();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void answersAsTheContractSays(Cell cell) {
    http.check(cell, PermissionMatrixState.build(http));
  }
}
