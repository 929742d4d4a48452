package dev.todo.adapters.gcs;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** The real SDK over Google's in-memory fake, and over an endpoint that refuses connections. */
final class Backends {

  static final String BUCKET = "todo-test-attachments";

  private Backends() {}

  static Storage inMemory() {
    return LocalStorageHelper.getOptions().getService();
  }

  static Storage refusingConnections() {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return GcsClients.withoutRetries("http://127.0.0.1:" + port);
  }
}
