// Offline checks of the database switch (var.database, issue 17 item 4): the PostgreSQL variant on
// Cloud SQL (private IP only, IAM login, backups and point-in-time recovery, a backend that may
// scale) and the SQLite variant, which stays the default and keeps exactly one instance. The
// configuration is parsed once (@cdktf/hcl2json) and read for each value of var.database by
// variant() (lib/terraform.mjs). Nothing here talks to Google Cloud.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  loadTerraform, resource, resourcesOfType, block, blocks, refersTo, variableDefault, envOf, variant, switched,
} from '../lib/terraform.mjs';

let tf;
let sqlite;
let cloudsql;
before(async () => {
  tf = await loadTerraform();
  sqlite = variant(tf, 'sqlite');
  cloudsql = variant(tf, 'cloudsql');
});

const backend = (view) => resource(view, 'google_cloud_run_v2_service', 'backend');
const backendContainer = (view) => blocks(block(backend(view), 'template'), 'containers').find((c) => c.name === 'backend');
const instance = () => resource(cloudsql, 'google_sql_database_instance', 'todo');
const SQL_TYPES = ['google_sql_database_instance', 'google_sql_database', 'google_sql_user', 'google_service_networking_connection'];
const SQLITE_ONLY_ENV = /^TODO_(LITESTREAM_|LEASE_|REPLICA_BUCKET$|DATABASE_FILE$)/;

test('var.database: sqlite or cloudsql, validated, sqlite by default', () => {
  const v = tf.variable.database;
  assert.equal(v.type, '${string}');
  assert.equal(variableDefault(tf, 'database'), 'sqlite', 'the existing deployment stays what it was');
  const rule = block(v, 'validation');
  assert.equal(rule.condition, '${contains(["sqlite", "cloudsql"], var.database)}');
  assert.equal(tf.locals.sqlite, '${var.database == "sqlite"}');
  assert.equal(tf.locals.cloudsql, '${var.database == "cloudsql"}');
});

test('the switch is read only in shapes the checks understand', () => {
  // variant() throws on any other expression that reads local.sqlite / local.cloudsql / var.database
  // inside a resource; both views were built in before(), so every such expression was read.
  assert.throws(() => switched(tf, '${local.cloudsql && var.x ? 2 : 1}', 'cloudsql'), /cannot read the branch|unrecognised|not a simple/);
  assert.throws(() => switched(tf, '${var.database == "x" ? 1 : 0}', 'sqlite'), /unrecognised/);
  assert.equal(switched(tf, '${local.cloudsql ? var.backend_max_instances : 1}', 'cloudsql'), '${var.backend_max_instances}');
  assert.equal(switched(tf, '${local.cloudsql ? var.backend_max_instances : 1}', 'sqlite'), 1);
  assert.equal(switched(tf, '${var.region}', 'sqlite'), undefined, 'expressions without the switch are left alone');
});

test('sqlite (the default): no Cloud SQL, no peering, exactly one backend instance, the volume and the SQLite environment', () => {
  for (const type of SQL_TYPES) {
    assert.deepEqual(Object.keys(sqlite.resource[type] ?? {}), [], `no ${type} in the sqlite variant`);
  }
  assert.ok(!Object.values(sqlite.resource.google_compute_global_address).some((a) => a.purpose === 'VPC_PEERING'),
    'no private services range (the load balancer\'s address stays)');
  const roles = Object.values(sqlite.resource.google_project_iam_member ?? {}).map((m) => m.role);
  assert.ok(!roles.some((r) => r.startsWith('roles/cloudsql.')), 'no Cloud SQL role');

  const b = backend(sqlite);
  assert.equal(block(b, 'scaling').max_instance_count, 1);
  assert.equal(block(block(b, 'template'), 'scaling').max_instance_count, 1);
  const env = envOf(backendContainer(sqlite));
  assert.equal(env.TODO_DATABASE_URL, 'jdbc:sqlite:${local.database_file}');
  for (const name of ['TODO_DATABASE_FILE', 'TODO_REPLICA_BUCKET', 'TODO_LEASE_BUCKET', 'TODO_LEASE_TTL']) {
    assert.ok(env[name], `${name} is set on SQLite`);
  }
  const volume = blocks(block(b, 'template'), 'volumes').find((v) => v.name === 'database');
  assert.equal(block(volume, 'empty_dir').medium, 'MEMORY');
  assert.ok(blocks(backendContainer(sqlite), 'volume_mounts').some((m) => m.name === 'database'));
  assert.ok(sqlite.resource.google_storage_bucket_iam_member.backend_replica, 'the backend may write its replica');
});

test('the backend scales beyond one instance only when database = "cloudsql", at service and revision level', () => {
  const b = resource(tf, 'google_cloud_run_v2_service', 'backend');
  const conditional = '${local.cloudsql ? var.backend_max_instances : 1}';
  assert.equal(block(b, 'scaling').max_instance_count, conditional, 'service level: the conditional on var.database');
  assert.equal(block(block(b, 'template'), 'scaling').max_instance_count, conditional, 'revision level: the same');
  assert.equal(block(b, 'scaling').min_instance_count, 1);
  assert.equal(block(block(b, 'template'), 'scaling').min_instance_count, 1);

  const max = variableDefault(tf, 'backend_max_instances');
  assert.ok(max > 1, 'the PostgreSQL variant may run several instances');
  assert.equal(tf.variable.backend_max_instances.type, '${number}');
  assert.match(block(tf.variable.backend_max_instances, 'validation').condition, /var\.backend_max_instances >= 1/);
  for (const scaling of [block(backend(cloudsql), 'scaling'), block(block(backend(cloudsql), 'template'), 'scaling')]) {
    assert.equal(scaling.max_instance_count, '${var.backend_max_instances}');
    assert.equal(scaling.min_instance_count, 1);
  }
});

test('cloudsql: private services access (a VPC_PEERING range and the peering) in the existing VPC', () => {
  const range = resource(cloudsql, 'google_compute_global_address', 'private_services');
  assert.equal(range.purpose, 'VPC_PEERING');
  assert.equal(range.address_type, 'INTERNAL');
  assert.ok(range.prefix_length <= 24, 'Cloud SQL needs at least a /24');
  assert.ok(refersTo(range.network, 'google_compute_network.vpc'), 'the VPC the backend egresses through');

  const peering = resource(cloudsql, 'google_service_networking_connection', 'private_services');
  assert.equal(peering.service, 'servicenetworking.googleapis.com');
  assert.ok(refersTo(peering.network, 'google_compute_network.vpc'));
  assert.ok(peering.reserved_peering_ranges.some((r) => refersTo(r, 'google_compute_global_address.private_services')));
  assert.ok(instance().depends_on.some((d) => refersTo(d, 'google_service_networking_connection.private_services')),
    'the instance is created once the peering exists (its private address comes from the range)');
  assert.match(tf.locals.services, /local\.cloudsql \? \[[^\]]*"servicenetworking\.googleapis\.com"[^\]]*"sqladmin\.googleapis\.com"/,
    'the two APIs are enabled in the cloudsql variant only');
});

test('cloudsql: PostgreSQL, private IP only, encrypted connections only', () => {
  const i = instance();
  assert.equal(i.database_version, '${var.cloudsql_database_version}');
  assert.match(variableDefault(tf, 'cloudsql_database_version'), /^POSTGRES_(1[6-9]|[2-9]\d)$/, 'a current major version');
  const settings = block(i, 'settings');
  assert.equal(settings.edition, 'ENTERPRISE', 'not Enterprise Plus, the default from PostgreSQL 16 on, with its larger machines');
  const ip = block(settings, 'ip_configuration');
  assert.equal(ip.ipv4_enabled, false, 'no public address');
  assert.ok(refersTo(ip.private_network, 'google_compute_network.vpc'), 'a private address in the VPC');
  assert.equal(ip.ssl_mode, 'ENCRYPTED_ONLY');
  assert.equal(ip.authorized_networks, undefined, 'no authorised networks');
  assert.equal(block(ip, 'psc_config'), undefined);
});

test('cloudsql: IAM database authentication for the backend\'s own service account, and no password anywhere', () => {
  const flags = blocks(block(instance(), 'settings'), 'database_flags');
  assert.deepEqual(flags.find((f) => f.name === 'cloudsql.iam_authentication'), { name: 'cloudsql.iam_authentication', value: 'on' });

  const users = resourcesOfType(cloudsql, 'google_sql_user');
  assert.equal(users.length, 1, 'one database user');
  const [[, user]] = users;
  assert.equal(user.type, 'CLOUD_IAM_SERVICE_ACCOUNT');
  assert.equal(user.name, '${local.cloudsql_user}');
  assert.equal(tf.locals.cloudsql_user, '${trimsuffix(google_service_account.backend.email, ".gserviceaccount.com")}',
    'PostgreSQL\'s name of an IAM service account: the email without .gserviceaccount.com');
  assert.ok(refersTo(user.instance, 'google_sql_database_instance.todo'));
  assert.ok(refersTo(block(backend(cloudsql), 'template').service_account, 'google_service_account.backend'),
    'the service runs as the account that logs in');

  // No password in the configuration, hence none in the state: no password argument on any
  // resource, no root password, no generated secret.
  for (const [type, byName] of Object.entries(tf.resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const keys = JSON.stringify(body).match(/"(password|password_wo|root_password)"\s*:/g);
      assert.equal(keys, null, `${type}.${name}: no password argument`);
    }
    assert.ok(!type.startsWith('random_'), `${type}: nothing generated to be a password`);
  }
  assert.doesNotMatch(Object.values(tf.files).join('\n'), /\b(password|root_password)\s*=/);
  assert.doesNotMatch(tf.locals.cloudsql_jdbc_url, /password/i, 'the URL carries no password');
});

test('cloudsql: the backend\'s account may connect and log in to this instance only', () => {
  const grants = Object.values(cloudsql.resource.google_project_iam_member)
    .filter((m) => m.role.startsWith('roles/cloudsql.'));
  assert.deepEqual(grants.map((g) => g.role).sort(), ['roles/cloudsql.client', 'roles/cloudsql.instanceUser']);
  for (const g of grants) {
    assert.equal(g.member, '${google_service_account.backend.member}');
    assert.equal(block(g, 'condition').expression, '${local.cloudsql_instance_only}', `${g.role}: narrowed to the instance`);
  }
  assert.deepEqual(Object.values(cloudsql.resource.google_project_iam_member).map((m) => m.role).sort(),
    ['roles/cloudsql.client', 'roles/cloudsql.instanceUser', 'roles/cloudtrace.agent', 'roles/monitoring.metricWriter'],
    'the project-level grants: the two of both variants and the two Cloud SQL ones, nothing broader');
  const condition = tf.locals.cloudsql_instance_only;
  assert.match(condition, /resource\.type == \\?"sqladmin\.googleapis\.com\/Instance\\?"/);
  const named = condition.match(/instances\/([^"\\]+)/)[1];
  assert.equal(named, instance().name, 'the condition names the instance Terraform creates');
});

test('cloudsql: automated backups and point-in-time recovery; deletion protection and availability from variables', () => {
  const settings = block(instance(), 'settings');
  const backups = block(settings, 'backup_configuration');
  assert.equal(backups.enabled, true);
  assert.equal(backups.point_in_time_recovery_enabled, true);
  assert.equal(backups.transaction_log_retention_days, '${var.cloudsql_log_retention_days}');
  const days = variableDefault(tf, 'cloudsql_log_retention_days');
  assert.ok(days >= 1 && days <= 7, 'Enterprise edition keeps 1 to 7 days of log');
  const retention = block(backups, 'backup_retention_settings');
  assert.equal(retention.retention_unit, 'COUNT');
  assert.equal(retention.retained_backups, '${var.cloudsql_backups_retained}');
  assert.ok(variableDefault(tf, 'cloudsql_backups_retained') >= 7);
  assert.match(backups.start_time, /^\d\d:\d\d$/);

  assert.equal(instance().deletion_protection, '${var.deletion_protection}', 'Terraform\'s guard follows the stack\'s flag');
  assert.equal(settings.deletion_protection_enabled, '${var.deletion_protection}', 'so does the API\'s');
  assert.equal(settings.availability_type, '${var.cloudsql_availability_type}');
  assert.equal(variableDefault(tf, 'cloudsql_availability_type'), 'ZONAL');
  assert.match(block(tf.variable.cloudsql_availability_type, 'validation').condition, /\["ZONAL", "REGIONAL"\]/);
  assert.equal(settings.disk_autoresize, true);
});

test('cloudsql: the database "todo"; pg_trgm is left to the service\'s migration', async () => {
  const db = resource(cloudsql, 'google_sql_database', 'todo');
  assert.equal(db.name, 'todo');
  assert.ok(refersTo(db.instance, 'google_sql_database_instance.todo'));
  assert.ok(!Object.values(tf.files).join('\n').includes('pg_trgm = '), 'no extension managed by Terraform');
  const { readFile } = await import('node:fs/promises');
  const { repoRoot } = await import('../lib/paths.mjs');
  const schema = await readFile(`${repoRoot}/adapters-persistence/src/main/resources/db/migration/postgres/V9__schema.sql`, 'utf8');
  assert.match(schema, /CREATE EXTENSION IF NOT EXISTS pg_trgm/, 'the first PostgreSQL migration creates it');
  assert.ok(resource(cloudsql, 'google_sql_user', 'backend').database_roles.includes('cloudsqlsuperuser'),
    'on Cloud SQL, CREATE EXTENSION needs cloudsqlsuperuser; a new IAM user holds nothing');
});

test('cloudsql: the backend connects through the Cloud SQL Java connector with IAM login over the private IP', () => {
  const env = envOf(backendContainer(cloudsql));
  assert.equal(env.TODO_DATABASE_URL, '${local.cloudsql_jdbc_url}');
  const url = tf.locals.cloudsql_jdbc_url;
  // The local is a join() of literal parts: read them as one string.
  const text = [...url.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
  assert.match(text, /^jdbc:postgresql:\/\/\/todo\?/, 'the database Terraform creates');
  const params = new URLSearchParams(text.slice(text.indexOf('?') + 1));
  assert.equal(params.get('socketFactory'), 'com.google.cloud.sql.postgres.SocketFactory');
  assert.equal(params.get('cloudSqlInstance'), '${local.cloudsql_connection_name}');
  assert.equal(tf.locals.cloudsql_connection_name, '${join("", google_sql_database_instance.todo[*].connection_name)}');
  assert.equal(params.get('enableIamAuth'), 'true');
  assert.equal(params.get('user'), '${local.cloudsql_user}');
  assert.equal(params.get('ipTypes'), 'PRIVATE', 'never a public path');
  assert.equal(params.get('password'), null);
  assert.equal(resource(cloudsql, 'google_sql_database', 'todo').name, 'todo');
  assert.ok(backend(cloudsql).depends_on.some((d) => refersTo(d, 'google_sql_user.backend')), 'the first revision finds its user');
  assert.equal(block(block(backend(cloudsql), 'template'), 'vpc_access').egress, 'ALL_TRAFFIC', 'the private address is reached through the VPC');
  // the image contains the connector the URL names (CloudSqlConnectorTest loads it with this URL)
  const pom = readFileSync(new URL('../../../adapters-persistence/pom.xml', import.meta.url), 'utf8');
  assert.match(pom, /<artifactId>postgres-socket-factory<\/artifactId>\s*<scope>runtime<\/scope>/);
});

test('cloudsql: no SQLite volume, no Litestream, no lease; the attachments bucket and everything else stay', () => {
  const envSqlite = envOf(backendContainer(sqlite));
  const envPg = envOf(backendContainer(cloudsql));
  for (const name of Object.keys(envPg)) assert.doesNotMatch(name, SQLITE_ONLY_ENV, `${name} is not an SQLite-only variable`);
  assert.ok(!Object.values(envPg).some((v) => refersTo(v, 'google_storage_bucket.replica')), 'nothing points at the replica bucket');
  const expected = Object.keys(envSqlite).filter((n) => !SQLITE_ONLY_ENV.test(n)).sort();
  assert.deepEqual(Object.keys(envPg).sort(), expected, 'every other variable is the same in both variants');
  for (const name of expected) {
    if (name !== 'TODO_DATABASE_URL') assert.equal(envPg[name], envSqlite[name], `${name} unchanged`);
  }
  assert.ok(refersTo(envPg.TODO_ATTACHMENTS_BUCKET, 'google_storage_bucket.attachments'));

  const t = block(backend(cloudsql), 'template');
  assert.ok(!blocks(t, 'volumes').some((v) => v.name === 'database' || block(v, 'empty_dir')), 'no in-memory database volume');
  assert.ok(!blocks(backendContainer(cloudsql), 'volume_mounts').some((m) => m.name === 'database'));
  assert.deepEqual(blocks(t, 'containers').map((c) => c.name), ['backend', 'metrics', 'collector'], 'the sidecars stay');

  assert.equal(cloudsql.resource.google_storage_bucket_iam_member.backend_replica, undefined, 'no access to the replica bucket');
  assert.ok(cloudsql.resource.google_storage_bucket_iam_member.backend_attachments);
  assert.deepEqual(Object.keys(cloudsql.resource.google_storage_bucket).sort(), ['attachments', 'backup', 'replica'],
    'the buckets stay (the replica is where a migration starts; the backup bucket is retention-locked)');
  for (const type of ['google_cloud_run_v2_service', 'google_compute_security_policy', 'google_cloud_scheduler_job']) {
    assert.deepEqual(Object.keys(cloudsql.resource[type]).sort(), Object.keys(sqlite.resource[type]).sort(), `${type}: the same in both`);
  }
});

test('the SQLite variant keeps its environment in the order it always had (no new revision from the switch)', () => {
  const text = tf.files['backend.tf'];
  const at = (s) => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, `${s} in backend.tf`);
    return i;
  };
  assert.ok(at('for_each = local.backend_database_env[var.database]') < at('name  = "TODO_ATTACHMENTS_BUCKET"'));
  assert.ok(at('name  = "TODO_ATTACHMENTS_BUCKET"') < at('for_each = local.backend_replica_env[var.database]'));
  assert.ok(at('for_each = local.backend_replica_env[var.database]') < at('name  = "MICRONAUT_ENVIRONMENTS"'));
  assert.deepEqual(tf.locals.backend_database_env.sqlite.map((e) => e.name), ['TODO_DATABASE_URL', 'TODO_DATABASE_FILE']);
  assert.deepEqual(tf.locals.backend_replica_env.sqlite.map((e) => e.name), ['TODO_REPLICA_BUCKET', 'TODO_LEASE_BUCKET', 'TODO_LEASE_TTL']);
  assert.deepEqual(tf.locals.backend_replica_env.cloudsql, []);
  assert.equal(tf.locals.backend_database_env.cloudsql[0].name, 'TODO_DATABASE_URL');
  assert.equal(tf.output.database_url.value, '${local.backend_database_env[var.database][0].value}');
});

test('SQLite-only jobs and alerts exist only in the sqlite variant', () => {
  // The filters are for expressions in locals; replay them for both variants.
  const filter = /^\$\{\{ for name, (\w+) in local\.(\w+) : name => \1 if local\.sqlite \|\| !(?:lookup\(\1, "sqlite_only", false\)|\1\.sqlite_only) \}\}$/;
  const replay = (local, source, database) => {
    const m = tf.locals[local].match(filter);
    assert.ok(m && m[2] === source, `local.${local} filters local.${source} by sqlite_only`);
    return Object.keys(tf.locals[source]).filter((k) => database === 'sqlite' || !tf.locals[source][k].sqlite_only).sort();
  };
  assert.equal(resource(tf, 'google_cloud_run_v2_job', 'ops').for_each, '${local.ops_jobs}');
  assert.deepEqual(replay('ops_jobs', 'jobs', 'sqlite'), ['backup', 'jwks-check']);
  assert.deepEqual(replay('ops_jobs', 'jobs', 'cloudsql'), ['jwks-check'], 'no daily Litestream restore without a replica');

  assert.equal(resource(tf, 'google_monitoring_alert_policy', 'promql').for_each, '${local.promql_alerts_enabled}');
  assert.equal(resource(tf, 'google_monitoring_alert_policy', 'threshold').for_each, '${local.threshold_alerts_enabled}');
  const all = [...Object.keys(tf.locals.promql_alerts), ...Object.keys(tf.locals.threshold_alerts)];
  assert.deepEqual([...replay('promql_alerts_enabled', 'promql_alerts', 'sqlite'), ...replay('threshold_alerts_enabled', 'threshold_alerts', 'sqlite')].sort(), all.sort());
  const pg = [...replay('promql_alerts_enabled', 'promql_alerts', 'cloudsql'), ...replay('threshold_alerts_enabled', 'threshold_alerts', 'cloudsql')];
  for (const gone of ['write-queue', 'lease-renewal', 'replication-lag', 'instances']) {
    assert.ok(!pg.includes(gone), `${gone}: an SQLite-only alert (several instances are the point of PostgreSQL)`);
  }
  for (const kept of ['error-rate', 'latency-p95', 'db-pool-exhausted', 'lb-5xx', 'job-failed', 'jwks-drift', 'trash-purge-failed']) {
    assert.ok(pg.includes(kept), `${kept} stays`);
  }
});
