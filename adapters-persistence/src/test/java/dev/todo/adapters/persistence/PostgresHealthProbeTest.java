package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import dev.todo.domain.testing.PostgresCluster;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresHealthProbeTest extends HealthProbeContract {

  @Override
  protected HealthProbe reachableProbe() {
    return new DatabaseHealthProbe(
        dataSource(PostgresCluster.shared().newDatabase()), DatabaseEngine.POSTGRES);
  }

  @Override
  protected HealthProbe unreachableProbe() {
    return new DatabaseHealthProbe(
        dataSource("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres&connectTimeout=1"),
        DatabaseEngine.POSTGRES);
  }

  private static PGSimpleDataSource dataSource(String url) {
    var dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    return dataSource;
  }
}
