package dev.todo.adapters.rest;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * Serves what micronaut-openapi generated at compile time: the OpenAPI document at {@code
 * /api/v1/openapi.yml} and Swagger UI with its bundled scripts at {@code /docs} (no CDN).
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiDocumentationController {

  private static final String SPEC = "classpath:META-INF/swagger/openapi.yml";
  private static final String UI = "classpath:META-INF/swagger/views/swagger-ui/";
  private static final Map<String, MediaType> UI_TYPES =
      Map.of(
          "css", MediaType.of("text/css"),
          "js", MediaType.of("text/javascript"),
          "png", MediaType.IMAGE_PNG_TYPE);

  private final ResourceResolver resources;

  ApiDocumentationController(ResourceResolver resources) {
    this.resources = resources;
  }

  @Get(uri = "/api/v1/openapi.yml", produces = "application/yaml")
  HttpResponse<StreamedFile> openApi() {
    return file(SPEC, MediaType.of("application/yaml"));
  }

  @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
  HttpResponse<StreamedFile> swaggerUi() {
    return file(UI + "index.html", MediaType.TEXT_HTML_TYPE);
  }

  @Get(uri = "/docs/res/{name}")
  HttpResponse<StreamedFile> swaggerUiResource(@PathVariable String name) {
    var dot = name.lastIndexOf('.');
    var type = dot < 0 ? null : UI_TYPES.get(name.substring(dot + 1));
    if (type == null || !name.matches("[A-Za-z0-9._-]+") || name.contains("..")) {
      return HttpResponse.notFound();
    }
    return file(UI + "res/" + name, type);
  }

  private HttpResponse<StreamedFile> file(String location, MediaType type) {
    return resources
        .getResource(location)
        .<HttpResponse<StreamedFile>>map(
            url ->
                HttpResponse.ok(new StreamedFile(url))
                    .contentType(type)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache"))
        .orElseGet(HttpResponse::notFound);
  }
}
