package dev.todo.adapters.rest;

import dev.todo.domain.testing.PermissionMatrix;
import dev.todo.domain.testing.PermissionMatrix.Cell;
import dev.todo.domain.testing.PermissionMatrixOverHttp;
import dev.todo.domain.testing.PermissionMatrixState;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix ({@link PermissionMatrix}: every list, sharing, to-do and attachment
 * operation × every kind of caller) over HTTP on the real use cases over the fakes. Each cell
 * starts from an empty backend and builds the table's state with clients' requests.
 */
@MicronautTest
class PermissionMatrixRoutesTest {

  @Inject EmbeddedServer server;
  @Inject InMemoryBackend backend;

  static Stream<Cell> cells() {
    return PermissionMatrix.cells();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void answersAsTheContractSays(Cell cell) {
    backend.reset();
    var http = new PermissionMatrixOverHttp(server.getURL().toString());
    PermissionMatrixState.knowEveryone(http);
    var ids = PermissionMatrixState.build(http);

    http.check(cell, ids);
  }
}
