package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.UnsupportedFormatException;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.SharingUseCase.InviteInput;
import dev.todo.domain.port.in.SharingUseCase.MemberInput;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoInput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * Strict reading of request bodies: the body must be a JSON object sent as one of the accepted
 * media types, and each known field must have the JSON type the contract gives it. Nothing is
 * coerced ({@code "title": 42}, {@code "completed": 1} and {@code "position": 1.5} are malformed);
 * unknown and read-only fields are ignored (see {@link StrictJson} for the parsing itself). Whether
 * a well-typed value is acceptable is the domain's decision ({@link TodoEdit}).
 *
 * <p>Controllers run these readers on the request's thread and hand their outcome to the use cases
 * as {@code InputSource.parsed}: the use case looks at it only after it has checked existence, role
 * and precondition, as the contract orders, and never parses inside its transaction.
 */
@Singleton
final class JsonBodies {

  static final String MERGE_PATCH = "application/merge-patch+json";
  static final Set<String> JSON = Set.of(MediaType.APPLICATION_JSON);
  static final Set<String> JSON_OR_MERGE_PATCH = Set.of(MediaType.APPLICATION_JSON, MERGE_PATCH);

  /** The body as a JSON object, or 415 / 400 through the domain's exceptions. */
  JsonNode object(MediaType contentType, byte[] body, Set<String> accepted) {
    if (contentType == null || !accepted.contains(contentType.getName().toLowerCase(Locale.ROOT))) {
      throw new UnsupportedFormatException(
          "The body must be sent as " + String.join(" or ", accepted.stream().sorted().toList()));
    }
    if (body == null || body.length == 0) {
      throw new MalformedInputException("The body must be a JSON object");
    }
    var node = StrictJson.parse(body);
    if (!node.isObject()) {
      throw new MalformedInputException("The body must be a JSON object");
    }
    return node;
  }

  /** The editable fields of a to-do, each absent, null or a value of the right JSON type. */
  TodoInput todoInput(MediaType contentType, byte[] body, Set<String> accepted) {
    var object = object(contentType, body, accepted);
    return new TodoInput(
        string(object, "title"),
        string(object, "notes"),
        bool(object, "completed"),
        string(object, "due_date"),
        string(object, "priority"),
        integer(object, "position"),
        string(object, "list_id"));
  }

  /** A step's fields: {@code title}, {@code completed}, {@code position}. */
  StepInput stepInput(MediaType contentType, byte[] body, Set<String> accepted) {
    var object = object(contentType, body, accepted);
    return new StepInput(
        string(object, "title"), bool(object, "completed"), integer(object, "position"));
  }

  /** A list's fields: its name and the caller's own position of it. */
  ListInput listInput(MediaType contentType, byte[] body, Set<String> accepted) {
    var object = object(contentType, body, accepted);
    return new ListInput(string(object, "name"), integer(object, "position"));
  }

  /** A member's fields: {@code email} (when adding by e-mail) and {@code role}. */
  MemberInput memberInput(MediaType contentType, byte[] body) {
    var object = object(contentType, body, JSON);
    return new MemberInput(string(object, "email"), string(object, "role"));
  }

  /** An invite's fields: {@code role} and {@code expires_in_days}. */
  InviteInput inviteInput(MediaType contentType, byte[] body) {
    var object = object(contentType, body, JSON);
    return new InviteInput(string(object, "role"), integer(object, "expires_in_days"));
  }

  static Field<String> string(JsonNode object, String name) {
    var node = object.get(name);
    if (node == null) {
      return Field.absent();
    }
    if (node.isNull()) {
      return Field.nullValue();
    }
    if (!node.isString()) {
      throw wrongType(name, "a string");
    }
    return Field.of(node.getStringValue());
  }

  static Field<Boolean> bool(JsonNode object, String name) {
    var node = object.get(name);
    if (node == null) {
      return Field.absent();
    }
    if (node.isNull()) {
      return Field.nullValue();
    }
    if (!node.isBoolean()) {
      throw wrongType(name, "a boolean");
    }
    return Field.of(node.getBooleanValue());
  }

  /**
   * An integer token ({@code 3}, not {@code 3.0} or {@code 3e0}). Integers beyond the range of a
   * long are passed on as the largest long of their sign, which the domain rejects as out of range.
   */
  static Field<Long> integer(JsonNode object, String name) {
    var node = object.get(name);
    if (node == null) {
      return Field.absent();
    }
    if (node.isNull()) {
      return Field.nullValue();
    }
    if (!node.isNumber()) {
      throw wrongType(name, "an integer");
    }
    return switch (node.getNumberValue()) {
      case Integer i -> Field.of(i.longValue());
      case Long l -> Field.of(l);
      case BigInteger big ->
          Field.of(
              big.bitLength() < Long.SIZE
                  ? big.longValue()
                  : big.signum() < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE);
      default -> throw wrongType(name, "an integer");
    };
  }

  private static MalformedInputException wrongType(String name, String type) {
    return new MalformedInputException(name + " must be " + type);
  }

  /** The request's content type; none when absent or unreadable (then 415). */
  static MediaType contentType(HttpRequest<?> request) {
    try {
      return request.getContentType().orElse(null);
    } catch (RuntimeException malformedHeader) {
      return null;
    }
  }
}
