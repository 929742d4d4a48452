package dev.todo.adapters.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /internal/metrics} for the scraper next to the service, which calls it on loopback.
 * Any other caller gets 404: the gateway's catch-all route for the browser app's files ({@code GET
 * /}) would otherwise pass the path on from the internet. Not in the API document.
 */
@Controller(InternalMetricsController.PATH)
@Requires(beans = MetricsText.class)
@Hidden
final class InternalMetricsController {

  static final String PATH = "/internal/metrics";

  private final MetricsText metrics;

  InternalMetricsController(MetricsText metrics) {
    this.metrics = metrics;
  }

  @Get
  @Produces(MetricsText.CONTENT_TYPE)
  HttpResponse<String> scrape(HttpRequest<?> request) {
    if (!request.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(metrics.scrape());
  }
}
