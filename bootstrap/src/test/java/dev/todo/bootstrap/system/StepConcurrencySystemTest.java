package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The to-do's step counters under concurrent writers, over HTTP on SQLite: they equal a fresh count
 * of its steps after many threads added, completed, reopened and deleted steps of one to-do at
 * once, and concurrent adds never pass the limit of 100.
 */
class StepConcurrencySystemTest {

  private static final int THREADS = 12;
  private static final int ROUNDS = 20;

  @TempDir static Path directory;
  private static RunningService service;

  @BeforeAll
  static void start() {
    service = new RunningService(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String createTodo() {
    var reply =
        service.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"Busy\"}").send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.body().get("id").getStringValue();
  }

  private static RunningService.Reply add(String todo, String title) {
    return service
        .call("POST", "/api/v1/todos/" + todo + "/steps")
        .as("alice")
        .json("{\"title\":\"" + title + "\"}")
        .send();
  }

  /** Runs {@code work} on every thread at once; the statuses each answered, in order. */
  private static List<Integer> together(Callable<List<Integer>> work) throws Exception {
    var go = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(THREADS);
    try {
      var runs = new ArrayList<Future<List<Integer>>>();
      for (int t = 0; t < THREADS; t++) {
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  return work.call();
                }));
      }
      go.countDown();
      var statuses = new ArrayList<Integer>();
      for (var run : runs) {
        statuses.addAll(run.get(120, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCountersEqualAFreshCountAfterConcurrentChanges() throws Exception {
    String todo = createTodo();
    var seeds = new java.util.concurrent.atomic.AtomicInteger();

    var statuses =
        together(
            () -> {
              var random = new Random(seeds.incrementAndGet());
              var mine = new ArrayList<String>();
              var answered = new ArrayList<Integer>();
              for (int round = 0; round < ROUNDS; round++) {
                int choice = mine.isEmpty() ? 0 : random.nextInt(4);
                String base = "/api/v1/todos/" + todo + "/steps/";
                RunningService.Reply reply =
                    switch (choice) {
                      case 0 -> {
                        var created = add(todo, "s" + round);
                        if (created.status() == 201) {
                          mine.add(created.body().get("id").getStringValue());
                        }
                        yield created;
                      }
                      case 1, 2 ->
                          service
                              .call("PATCH", base + mine.get(random.nextInt(mine.size())))
                              .as("alice")
                              .json("{\"completed\":" + random.nextBoolean() + "}")
                              .send();
                      default ->
                          service
                              .call("DELETE", base + mine.remove(random.nextInt(mine.size())))
                              .as("alice")
                              .send();
                    };
                answered.add(reply.status());
              }
              return answered;
            });

    assertThat(statuses).allMatch(status -> status == 200 || status == 201 || status == 204);
    var steps = service.call("GET", "/api/v1/todos/" + todo + "/steps").as("alice").send().body();
    long total = 0;
    long completed = 0;
    for (JsonNode step : steps.get("data").values()) {
      total++;
      completed += step.get("completed").getBooleanValue() ? 1 : 0;
    }
    var stored = service.call("GET", "/api/v1/todos/" + todo).as("alice").send().body();
    assertThat(stored.get("step_count").getLongValue()).isEqualTo(total);
    assertThat(stored.get("steps_completed").getLongValue()).isEqualTo(completed);
    assertThat(stored.get("version").getLongValue()).isEqualTo(1);
  }

  @Test
  void concurrentAddsStopAtTheLimit() throws Exception {
    String todo = createTodo();

    var statuses =
        together(
            () -> {
              var answered = new ArrayList<Integer>();
              for (int i = 0; i < 10; i++) {
                answered.add(add(todo, "s" + i).status());
              }
              return answered;
            });

    assertThat(statuses.stream().filter(status -> status == 201)).hasSize(100);
    assertThat(statuses.stream().filter(status -> status == 400)).hasSize(THREADS * 10 - 100);
    var stored = service.call("GET", "/api/v1/todos/" + todo).as("alice").send().body();
    assertThat(stored.get("step_count").getLongValue()).isEqualTo(100);
  }
}
