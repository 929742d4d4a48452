package dev.todo.adapters.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests a URI class would refuse or tidy
 * ({@code ?q=%}, raw non-ASCII, spaces): the request target goes out as ISO-8859-1, one byte per
 * character, and the answer is read until the server closes.
 */
final class RawHttp {

  private RawHttp() {}

  record Reply(int status, String head, String body) {}

  static Reply get(EmbeddedServer server, String target, String authorization) {
    var request =
        "GET "
            + target
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Connection: close\r\n\r\n";
    try (var socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      var response = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(response);
      var text = response.toString(StandardCharsets.UTF_8);
      var end = text.indexOf("\r\n\r\n");
      var head = end < 0 ? text : text.substring(0, end);
      return new Reply(
          Integer.parseInt(head.substring(9, 12)),
          target + "\n" + head,
          end < 0 ? "" : text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
