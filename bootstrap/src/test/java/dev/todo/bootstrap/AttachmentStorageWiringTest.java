package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.adapters.gcs.GcsBlobStorage;
import dev.todo.adapters.localfs.LocalDirectoryBlobStorage;
import dev.todo.domain.port.out.BlobStorage;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which object store the service assembles, from its configuration and environment. */
class AttachmentStorageWiringTest {

  @TempDir Path directory;

  private Map<String, Object> settings(Map<String, Object> extra) {
    var settings = new HashMap<String, Object>();
    settings.put("datasources.default.url", "jdbc:sqlite:" + directory.resolve("todo.db"));
    settings.put("todo.attachments.dir", directory.resolve("attachments").toString());
    settings.putAll(extra);
    return settings;
  }

  /** The store chosen, under the port's observing wrapper. */
  private static BlobStorage chosen(ApplicationContext context) {
    return context.getBean(AttachmentStorageFactory.AttachmentStore.class).storage();
  }

  @Test
  void withoutABucketObjectsGoToTheLocalDirectory() throws Exception {
    try (var context = ApplicationContext.run(settings(Map.of()))) {
      var storage = context.getBean(BlobStorage.class);

      storage.write("todos/t/a", new ByteArrayInputStream(new byte[] {1, 2}));

      assertThat(chosen(context)).isInstanceOf(LocalDirectoryBlobStorage.class);
      assertThat(Files.readAllBytes(directory.resolve("attachments/todos/t/a")))
          .containsExactly(1, 2);
    }
  }

  @Test
  void atStartupTemporaryFilesUntouchedForTheReconcileGraceAreRemoved() throws Exception {
    Path folder = Files.createDirectories(directory.resolve("attachments/todos/t"));
    Path abandoned = Files.writeString(folder.resolve(".upload-1.tmp"), "partial");
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minusSeconds(120)));
    Path recent = Files.writeString(folder.resolve(".upload-2.tmp"), "under way");

    try (var context =
        ApplicationContext.run(
            settings(
                Map.of(
                    "todo.attachments.reconcile-grace-seconds", "60",
                    "todo.attachments.reconcile-at-startup", "false")))) {
      context.getBean(BlobStorage.class);

      assertThat(abandoned).doesNotExist();
      assertThat(recent).exists();
    }
  }

  @Test
  void withABucketObjectsGoToGoogleCloudStorage() {
    var gcs =
        Map.<String, Object>of(
            "todo.attachments.bucket", "todo-attachments",
            "todo.attachments.endpoint", "http://127.0.0.1:9");
    try (var context = ApplicationContext.run(settings(gcs))) {
      assertThat(chosen(context)).isInstanceOf(GcsBlobStorage.class);
    }
  }

  @Test
  void theProductionEnvironmentRefusesToStartWithoutABucket() {
    assertThatThrownBy(
            () -> ApplicationContext.run(settings(Map.of()), AttachmentStorageFactory.PRODUCTION))
        .hasStackTraceContaining("TODO_ATTACHMENTS_BUCKET is not set");
  }
}
