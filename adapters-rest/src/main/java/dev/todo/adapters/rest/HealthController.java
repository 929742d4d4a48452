package dev.todo.adapters.rest;

import dev.todo.domain.port.in.CheckHealthUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;

@Controller("/api/v1/health")
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

  private final CheckHealthUseCase health;

  HealthController(CheckHealthUseCase health) {
    this.health = health;
  }

  @Get
  HttpResponse<HealthResponse> health() {
    var report = health.check();
    var checks = new LinkedHashMap<String, String>();
    report.checks().forEach((name, up) -> checks.put(name, status(up)));
    var body =
        new HealthResponse(status(report.isUp()), checks, new LinkedHashMap<>(report.details()));
    return HttpResponse.status(report.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(body);
  }

  /**
   * Liveness: answers as long as the process serves HTTP, whatever its dependencies say; a storage
   * outage must not make the platform kill the only writer (without its final sync).
   */
  @Get("/live")
  HttpResponse<LivenessResponse> live() {
    return HttpResponse.ok(new LivenessResponse("UP"));
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
