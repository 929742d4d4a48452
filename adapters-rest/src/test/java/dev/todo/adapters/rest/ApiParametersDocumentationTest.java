package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parameters of the OpenAPI document: each with the type a client generator needs, whether the
 * route declares it in its {@code @Operation} or names an entry of {@code parameters.yml}.
 */
@MicronautTest
class ApiParametersDocumentationTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Map<String, List<Map<String, Object>>> parameters;

  @BeforeEach
  void readDocument() throws Exception {
    var body = new Api(server.getURL(), json).get("/api/v1/openapi.json").send().body();
    parameters = parametersByOperation(json.readValue(body, Map.class));
  }

  @Test
  void everyParameterHasATypeAndAppearsOncePerOperation() {
    var untyped = new ArrayList<String>();
    parameters.forEach(
        (operation, list) -> {
          for (var parameter : list) {
            var type = type(parameter);
            if (type == null || type.equals("object")) {
              untyped.add(operation + " " + parameter.get("in") + " " + parameter.get("name"));
            }
          }
          assertThat(
                  list.stream().map(parameter -> parameter.get("in") + " " + parameter.get("name")))
              .as(operation)
              .doesNotHaveDuplicates();
        });

    assertThat(parameters).hasSizeGreaterThan(40);
    assertThat(untyped).isEmpty();
  }

  @Test
  void theListOfToDosNamesEveryFilterWithItsValues() {
    assertThat(described("GET /api/v1/todos"))
        .containsExactlyInAnyOrder(
            "query status: string [all, active, completed]",
            "query q: string",
            "query priority: string [none, low, medium, high]",
            "query due: string [overdue, today, upcoming]",
            "query due_before: string date",
            "query due_after: string date",
            "query sort: string [position, created_at, updated_at, due_date, priority, title]",
            "query order: string [asc, desc]",
            "query page: integer",
            "query page_size: integer",
            "query list_id: string uuid",
            "query tz: string",
            "query owner: string");
    assertThat(described("GET /api/v1/todos/stats"))
        .containsExactlyInAnyOrder(
            "query list_id: string uuid", "query tz: string", "query owner: string");
  }

  @Test
  void conditionalRoutesNameTheirHeaders() {
    for (var write : List.of("PUT", "PATCH", "DELETE")) {
      assertThat(described(write + " /api/v1/todos/{id}"))
          .as(write)
          .contains("header If-Match: string");
    }
    assertThat(described("PATCH /api/v1/lists/{listId}")).contains("header If-Match: string");
    assertThat(described("GET /api/v1/todos/{id}")).contains("header If-None-Match: string");
    assertThat(described("POST /api/v1/todos")).contains("header Idempotency-Key: string");
  }

  private List<String> described(String operation) {
    return parameters.get(operation).stream()
        .filter(parameter -> !"path".equals(parameter.get("in")))
        .map(ApiParametersDocumentationTest::describe)
        .toList();
  }

  private static String describe(Map<String, Object> parameter) {
    var schema = schema(parameter);
    var text = parameter.get("in") + " " + parameter.get("name") + ": " + schema.get("type");
    if (schema.get("format") != null) {
      text += " " + schema.get("format");
    }
    if (schema.get("enum") instanceof List<?> values) {
      text += " " + values.toString();
    }
    return text;
  }

  private static String type(Map<String, Object> parameter) {
    var type = schema(parameter).get("type");
    return type == null ? null : type.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(Map<String, Object> parameter) {
    return (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
  }

  /** Each operation's parameters by "METHOD /path", every {@code $ref} resolved. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<Map<String, Object>>> parametersByOperation(Map<?, ?> document) {
    var components = (Map<String, Object>) document.get("components");
    var shared = (Map<String, Map<String, Object>>) components.getOrDefault("parameters", Map.of());
    var byOperation = new TreeMap<String, List<Map<String, Object>>>();
    ((Map<String, Map<String, Object>>) document.get("paths"))
        .forEach(
            (path, methods) ->
                methods.forEach(
                    (method, operation) -> {
                      var list = new ArrayList<Map<String, Object>>();
                      for (var parameter :
                          (List<Map<String, Object>>)
                              ((Map<String, Object>) operation)
                                  .getOrDefault("parameters", List.of())) {
                        var ref = (String) parameter.get("$ref");
                        list.add(
                            ref == null
                                ? parameter
                                : shared.get(ref.substring(ref.lastIndexOf('/') + 1)));
                      }
                      byOperation.put(method.toUpperCase(Locale.ROOT) + " " + path, list);
                    }));
    return byOperation;
  }
}
