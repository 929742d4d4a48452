package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * The URL infra/terraform/cloudsql.tf gives the backend on Cloud SQL: the PostgreSQL engine, and a
 * socket factory the driver can load from the service's own classpath (the connector, which asks
 * the Admin API for the instance and logs in with the service account's token). Nothing here talks
 * to Google Cloud: connecting would.
 */
class CloudSqlConnectorTest {

  private static final String URL =
      "jdbc:postgresql:///todo?cloudSqlInstance=project:europe-west1:todo"
          + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory&enableIamAuth=true"
          + "&user=backend@project.iam&ipTypes=PRIVATE&sslmode=disable";

  @Test
  void theCloudSqlUrlIsPostgresThroughTheConnectorsSocketFactory() throws Exception {
    assertThat(DatabaseEngine.of(URL)).isEqualTo(DatabaseEngine.POSTGRES);

    Properties parsed = Driver.parseURL(URL, new Properties());
    assertThat(parsed)
        .containsEntry("PGDBNAME", "todo")
        .containsEntry("cloudSqlInstance", "project:europe-west1:todo")
        .containsEntry("enableIamAuth", "true")
        .doesNotContainKey("password");
    Class<?> factory = Class.forName(parsed.getProperty("socketFactory"));
    assertThat(SocketFactory.class).isAssignableFrom(factory);
  }
}
