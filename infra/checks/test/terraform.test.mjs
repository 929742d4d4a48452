// Offline checks of infra/terraform: the configuration is parsed to JSON (@cdktf/hcl2json) and
// the production shape of issue 7 is asserted. Nothing here talks to Google Cloud. They read the
// default variant (var.database = "sqlite", the deployment as it always was); cloudsql.test.mjs
// reads the PostgreSQL one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import {
  loadTerraform, resource, resourcesOfType, block, blocks, refersTo, variablesIn,
  variableDefault, literalOrDefault, envOf, variant,
} from '../lib/terraform.mjs';
import { renderedKong } from '../lib/kong.mjs';
import { terraformDir, repoRoot } from '../lib/paths.mjs';

let tf;
before(async () => {
  const parsed = await loadTerraform();
  assert.equal(variableDefault(parsed, 'database'), 'sqlite', 'the default deployment is the SQLite one');
  tf = variant(parsed, 'sqlite');
});

const backend = () => resource(tf, 'google_cloud_run_v2_service', 'backend');
const kong = () => resource(tf, 'google_cloud_run_v2_service', 'kong');
const HEALTH = '/api/v1/health';
// Answers while the process serves HTTP, whatever the dependencies say (HealthController.live).
const LIVENESS = '/api/v1/health/live';

test('the google provider and Terraform are pinned, and no modules are used', () => {
  const providers = tf.terraform.flatMap((t) => blocks(t, 'required_providers'));
  const google = providers.map((p) => p.google).find(Boolean);
  assert.ok(google, 'required_providers.google is declared');
  assert.equal(google.source, 'hashicorp/google');
  assert.match(google.version, /^=?\s*\d+\.\d+\.\d+$/, 'the google provider version is one exact version');
  assert.ok(tf.terraform.some((t) => t.required_version), 'required_version is set');
  assert.deepEqual(Object.keys(tf.module), [], 'raw resources only: no module blocks');
});

test('every variable has a description and a type, is used, and every used variable is declared', () => {
  const all = Object.values(tf.files).join('\n');
  const used = new Set(variablesIn(all));
  for (const [name, v] of Object.entries(tf.variable)) {
    assert.ok(typeof v.description === 'string' && v.description.trim().length >= 15, `variable ${name} has a description`);
    assert.ok(v.type, `variable ${name} has a type`);
    assert.ok(used.has(name), `variable ${name} is used somewhere`);
  }
  for (const name of used) assert.ok(tf.variable[name], `var.${name} is declared`);
  for (const [name, o] of Object.entries(tf.output)) {
    assert.ok(typeof o.description === 'string' && o.description.trim(), `output ${name} has a description`);
  }
});

test('terraform.tfvars.example sets every required variable and only declared ones', async () => {
  const text = await readFile(path.join(terraformDir, 'terraform.tfvars.example'), 'utf8');
  const values = await parse('terraform.tfvars.example', text);
  for (const name of Object.keys(values)) assert.ok(tf.variable[name], `${name} in the example is a declared variable`);
  for (const [name, v] of Object.entries(tf.variable)) {
    if (!('default' in v)) assert.ok(name in values, `required variable ${name} appears in the example`);
  }
});

test('the subnet has Private Google Access; Kong and the backend leave through it for all traffic (Direct VPC egress)', () => {
  const subnet = resource(tf, 'google_compute_subnetwork', 'run');
  assert.equal(subnet.private_ip_google_access, true);
  assert.ok(refersTo(subnet.network, 'google_compute_network.vpc'));
  assert.equal(resource(tf, 'google_compute_network', 'vpc').auto_create_subnetworks, false);

  for (const [name, service] of [['Kong', kong()], ['the backend', backend()]]) {
    const vpc = block(block(service, 'template'), 'vpc_access');
    assert.ok(vpc, `${name} has vpc_access`);
    assert.equal(vpc.egress, 'ALL_TRAFFIC');
    assert.equal(vpc.connector, undefined, `${name}: Direct VPC egress, not a Serverless VPC Access connector`);
    const nic = block(vpc, 'network_interfaces');
    assert.ok(refersTo(nic.network, 'google_compute_network.vpc'));
    assert.ok(refersTo(nic.subnetwork, 'google_compute_subnetwork.run'));
  }
  assert.deepEqual(Object.keys(tf.resource.google_compute_router_nat ?? {}), [], 'no Cloud NAT: the VPC reaches Google APIs only');
});

test('Artifact Registry: the image repository has a cleanup policy that keeps the newest images', () => {
  const repo = resource(tf, 'google_artifact_registry_repository', 'images');
  assert.equal(repo.cleanup_policy_dry_run, false, 'the policy acts, not only reports');
  const policies = blocks(repo, 'cleanup_policies');
  const keep = policies.find((p) => p.action === 'KEEP');
  assert.ok(keep && literalOrDefault(tf, block(keep, 'most_recent_versions').keep_count) >= 5, 'the newest images are kept');
  const deletes = policies.filter((p) => p.action === 'DELETE');
  assert.ok(deletes.length > 0, 'old images are deleted');
  for (const d of deletes) assert.match(block(d, 'condition').older_than, /s\}?$/, `${d.id}: an age in seconds`);
  assert.ok(deletes.some((d) => block(d, 'condition').tag_state === 'UNTAGGED'));
});

test('backend: internal ingress, gen2, exactly one instance at service and revision level, CPU always on', () => {
  const b = backend();
  assert.equal(b.ingress, 'INGRESS_TRAFFIC_INTERNAL_ONLY');
  assert.equal(b.invoker_iam_disabled, false, 'invoker IAM check stays on');
  const serviceScaling = block(b, 'scaling');
  assert.equal(serviceScaling.min_instance_count, 1);
  assert.equal(serviceScaling.max_instance_count, 1);
  const t = block(b, 'template');
  assert.equal(t.execution_environment, 'EXECUTION_ENVIRONMENT_GEN2');
  const revisionScaling = block(t, 'scaling');
  assert.equal(revisionScaling.min_instance_count, 1);
  assert.equal(revisionScaling.max_instance_count, 1);
  const containers = blocks(t, 'containers');
  assert.deepEqual(containers.map((c) => c.name), ['backend', 'metrics', 'collector'],
    'the service (which runs Litestream itself), the metrics sidecar and the trace collector');
  assert.equal(containers.filter((c) => c.ports).length, 1, 'only the service receives requests');
  assert.equal(block(containers[0], 'resources').cpu_idle, false, 'CPU always allocated');
});

test('backend: startup probe on the dependency health route, liveness on the process-only route', () => {
  const c = block(block(backend(), 'template'), 'containers');
  const paths = { startup_probe: HEALTH, liveness_probe: LIVENESS };
  for (const [probe, path] of Object.entries(paths)) {
    const p = block(c, probe);
    assert.ok(p, `${probe} present`);
    assert.equal(block(p, 'http_get').path, path, `${probe} path`);
    assert.equal(block(p, 'http_get').port, block(c, 'ports').container_port, `${probe} port is the serving port`);
    assert.ok(p.failure_threshold >= 3, `${probe} tolerates a few failures`);
  }
  assert.ok(!block(c, 'readiness_probe') || block(block(c, 'readiness_probe'), 'http_get').path === HEALTH,
    'a readiness probe, if any, checks the dependencies');
});

test('backend: configuration comes from variables and resources, database on an in-memory volume', () => {
  const t = block(backend(), 'template');
  const c = block(t, 'containers');
  const env = envOf(c);
  for (const name of ['TODO_DATABASE_URL', 'TODO_ATTACHMENTS_BUCKET', 'TODO_OIDC_ISSUER', 'TODO_OIDC_CLIENT_ID', 'TODO_OIDC_SCOPE', 'TODO_REPLICA_BUCKET', 'TODO_LEASE_BUCKET']) {
    assert.ok(env[name], `${name} is set`);
  }
  assert.ok(refersTo(env.TODO_ATTACHMENTS_BUCKET, 'google_storage_bucket.attachments'));
  assert.ok(refersTo(env.TODO_REPLICA_BUCKET, 'google_storage_bucket.replica'));
  assert.ok(refersTo(env.TODO_LEASE_BUCKET, 'google_storage_bucket.replica'), 'the writer lease lives beside the replica');
  assert.equal(env.MICRONAUT_ENVIRONMENTS, 'gcp', 'production wiring: GCS only, never local disk');
  assert.equal(env.TODO_OIDC_ISSUER, '${var.oidc_issuer}');
  assert.equal(env.TODO_OIDC_CLIENT_ID, '${var.oidc_client_id}');
  assert.equal(env.TODO_OIDC_SCOPE, '${var.oidc_scope}');
  assert.ok(!('PORT' in env), 'PORT is reserved: Cloud Run sets it');

  const volume = blocks(t, 'volumes').find((v) => block(v, 'empty_dir'));
  assert.ok(volume, 'an empty_dir volume exists');
  assert.equal(block(volume, 'empty_dir').medium, 'MEMORY');
  const mount = blocks(c, 'volume_mounts').find((m) => m.name === volume.name);
  assert.ok(mount, 'the container mounts it');
  const dir = tf.locals.database_dir;
  assert.equal(mount.mount_path, '${local.database_dir}');
  assert.ok(tf.locals.database_file.startsWith('${local.database_dir}/'), 'the database file lives on the volume');
  assert.equal(env.TODO_DATABASE_URL, 'jdbc:sqlite:${local.database_file}');
  assert.equal(env.TODO_DATABASE_FILE, '${local.database_file}');
  assert.ok(dir.startsWith('/'));
});

test('each service runs as its own service account; the backend account gets bucket-scoped roles only', () => {
  assert.ok(refersTo(block(backend(), 'template').service_account, 'google_service_account.backend'));
  assert.ok(refersTo(block(kong(), 'template').service_account, 'google_service_account.kong'));
  const projectRoles = Object.values(tf.resource.google_project_iam_member ?? {}).map((m) => [m.role, m.member]);
  assert.deepEqual(projectRoles.sort(), [
    ['roles/cloudtrace.agent', '${google_service_account.backend.member}'],
    ['roles/monitoring.metricWriter', '${google_service_account.backend.member}'],
  ], 'the only project-wide grants: writing metrics and writing spans (neither has a narrower scope)');
  assert.deepEqual(Object.keys(tf.resource.google_project_iam_binding ?? {}), []);
  const grants = resourcesOfType(tf, 'google_storage_bucket_iam_member').map(([name, m]) => ({ name, ...m }));
  for (const m of grants) {
    assert.ok(['roles/storage.objectUser', 'roles/storage.objectViewer', 'roles/storage.objectCreator'].includes(m.role), `${m.name}: object-level role, not admin`);
    const backendOrBackup = refersTo(m.member, 'google_service_account.backend') || refersTo(m.member, 'google_service_account.backup');
    assert.ok(backendOrBackup, `${m.name}: only the backend and the backup job touch objects`);
  }
  const onBackup = grants.filter((m) => refersTo(m.bucket, 'google_storage_bucket.backup'));
  assert.ok(onBackup.length > 0);
  for (const m of onBackup) {
    assert.ok(refersTo(m.member, 'google_service_account.backup'), `${m.name}: the backend has nothing on the backup bucket`);
    assert.notEqual(m.role, 'roles/storage.objectUser', `${m.name}: the backup job cannot delete backups`);
  }
  for (const m of grants.filter((g) => refersTo(g.member, 'google_service_account.backup'))) {
    if (refersTo(m.bucket, 'google_storage_bucket.replica')) assert.equal(m.role, 'roles/storage.objectViewer', 'the backup job only reads the replica');
  }
});

test('backups: a retention-locked bucket, filled daily by a Cloud Run job under its own account, started by Cloud Scheduler', () => {
  const bucket = resource(tf, 'google_storage_bucket', 'backup');
  const retention = block(bucket, 'retention_policy');
  assert.equal(retention.is_locked, '${var.backup_retention_locked}');
  assert.equal(variableDefault(tf, 'backup_retention_locked'), true, 'locked unless an operator decides otherwise');
  assert.equal(retention.retention_period, '${var.backup_retention_days * 86400}');
  assert.ok(variableDefault(tf, 'backup_retention_days') >= 7);
  assert.equal(bucket.force_destroy, false);

  const jobs = tf.locals.jobs;
  assert.deepEqual(jobs.backup.command, ['/opt/todo/backup/backup.sh']);
  assert.equal(jobs.backup.service_account, '${google_service_account.backup.email}');
  assert.ok(refersTo(jobs.backup.env.TODO_REPLICA_BUCKET, 'google_storage_bucket.replica'), 'Litestream restores from the replica');
  const job = resource(tf, 'google_cloud_run_v2_job', 'ops');
  assert.equal(job.for_each, '${local.ops_jobs}');
  assert.equal(jobs.backup.sqlite_only, true, 'the backup job restores the Litestream replica: SQLite only');
  assert.match(tf.locals.ops_jobs, /for name, job in local\.jobs : name => job if local\.sqlite \|\| !job\.sqlite_only/);
  const task = block(block(job, 'template'), 'template');
  assert.equal(task.service_account, '${each.value.service_account}');
  const mount = block(block(block(block(task, 'containers'), 'dynamic'), 'volume_mounts'), 'content');
  assert.equal(mount.mount_path, jobs.backup.env.BACKUP_DIR, 'backup.sh writes into the mounted bucket');
  const volume = blocks(task.dynamic, 'volumes')[0].content[0];
  assert.ok(refersTo(block(volume, 'gcs').bucket, 'google_storage_bucket.backup'));

  const scheduler = resource(tf, 'google_cloud_scheduler_job', 'ops');
  assert.match(block(scheduler, 'http_target').uri, /run\.googleapis\.com\/v2\/projects\/.*\/jobs\/\$\{each\.value\.name\}:run$/);
  assert.ok(refersTo(block(block(scheduler, 'http_target'), 'oauth_token').service_account_email, 'google_service_account.scheduler'));
  const invoker = resource(tf, 'google_cloud_run_v2_job_iam_member', 'scheduler_runs');
  assert.equal(invoker.role, 'roles/run.invoker');
  assert.ok(refersTo(invoker.member, 'google_service_account.scheduler'));
});

test('JWKS check: an hourly job compares the provider\'s keys with exactly the keys Kong is given', () => {
  const jwks = tf.locals.jobs['jwks-check'];
  assert.deepEqual(jwks.command, ['node', '/opt/todo/jwks/check-jwks.mjs']);
  assert.equal(jwks.env.OIDC_ISSUER, '${var.oidc_issuer}');
  assert.match(jwks.env.DEPLOYED_KEYS_JSON, /for k in var\.jwt_signing_keys/);
  assert.match(variableDefault(tf, 'jwks_check_schedule'), /^\S+ \* \* \* \*$/, 'at least hourly');
});

test('nothing is granted to allUsers or allAuthenticatedUsers on the backend; Kong and the trash purge are its only invokers', () => {
  const invokers = [];
  for (const [type, byName] of Object.entries(tf.resource)) {
    if (!/_iam_(member|binding|policy)$/.test(type)) continue;
    for (const [name, r] of Object.entries(byName)) {
      const members = [r.member, ...(r.members ?? []), r.policy_data].filter(Boolean).join(' ');
      const onBackend = refersTo(r.name, 'google_cloud_run_v2_service.backend') || refersTo(r.service, 'google_cloud_run_v2_service.backend');
      if (onBackend) {
        assert.doesNotMatch(members, /allUsers|allAuthenticatedUsers/, `${type}.${name}`);
        assert.equal(type, 'google_cloud_run_v2_service_iam_member', `${type}.${name}: members are added one by one`);
        assert.equal(r.role, 'roles/run.invoker');
        invokers.push(r.member);
      }
      if (type.startsWith('google_storage_bucket_iam')) {
        assert.doesNotMatch(members, /allUsers|allAuthenticatedUsers/, `${type}.${name}: no public bucket grant`);
      }
    }
  }
  assert.deepEqual(invokers.sort(), ['${google_service_account.kong.member}', '${google_service_account.purge.member}'],
    'every invoker may send any Authorization beside its own ID token (X-Serverless-Authorization), and the backend trusts those claims: the list stays this short');
});

test('trash purge: Cloud Scheduler POSTs daily to the backend\'s purge route with an OIDC token of its own account', () => {
  const PURGE_ROUTE = '/api/v1/admin/trash/purge';
  assert.ok(tf.locals.services.includes('cloudscheduler.googleapis.com'), 'the Cloud Scheduler API is enabled');
  const job = resource(tf, 'google_cloud_scheduler_job', 'trash_purge');
  assert.equal(job.schedule, '${var.trash_purge_schedule}');
  assert.match(variableDefault(tf, 'trash_purge_schedule'), /^\d{1,2} \d{1,2} \* \* \*$/, 'once a day at a fixed time');
  assert.equal(job.time_zone, 'Etc/UTC');
  assert.equal(job.region, '${var.region}');
  const timeout = parseInt(block(backend(), 'template').timeout, 10);
  assert.ok(parseInt(job.attempt_deadline, 10) > timeout, 'an attempt lasts longer than the backend may take to answer');
  const retry = block(job, 'retry_config');
  assert.ok(retry, 'failed attempts are retried');
  assert.ok(retry.retry_count >= 1 && retry.retry_count <= 5, 'a few retries');
  assert.ok(parseInt(retry.min_backoff_duration, 10) >= 30, 'not in a tight loop');

  const target = block(job, 'http_target');
  assert.equal(target.http_method, 'POST');
  assert.equal(target.uri, `\${google_cloud_run_v2_service.backend.uri}${PURGE_ROUTE}`, 'straight to the backend (not through the load balancer and Kong)');
  assert.equal(target.oauth_token, undefined, 'Cloud Run accepts ID tokens, not access tokens');
  const oidc = block(target, 'oidc_token');
  assert.ok(oidc, 'an OIDC token authenticates the call');
  assert.equal(oidc.service_account_email, '${google_service_account.purge.email}');
  assert.equal(oidc.audience, '${google_cloud_run_v2_service.backend.uri}', 'the audience Cloud Run checks: the service\'s URL');
  assert.ok(!Object.keys(target.headers ?? {}).some((h) => /authorization/i.test(h)), 'no hand-set Authorization header');
  assert.ok(job.depends_on.some((d) => refersTo(d, 'google_cloud_run_v2_service_iam_member.purge_invokes_backend')),
    'the first run finds the invoker grant in place');
});

test('trash purge: a dedicated service account holding roles/run.invoker on the backend only', () => {
  const account = resource(tf, 'google_service_account', 'purge');
  assert.equal(account.account_id, '${var.name_prefix}-purge');
  const longest = `${'x'.repeat(20)}-purge`;
  assert.ok(longest.length <= 30, 'account_id fits 30 characters with the longest name_prefix');

  const grants = [];
  for (const [type, byName] of Object.entries(tf.resource)) {
    if (!/_iam_(member|binding|policy)$/.test(type)) continue;
    for (const [name, r] of Object.entries(byName)) {
      const text = JSON.stringify(r);
      if (refersTo(text, 'google_service_account.purge')) grants.push({ type, name, ...r });
      assert.ok(!(type.startsWith('google_service_account_iam') && refersTo(text, 'google_service_account.purge')),
        `${type}.${name}: nobody is given actAs or token creation on the purge account here`);
    }
  }
  assert.equal(grants.length, 1, 'one grant names the purge account');
  const [grant] = grants;
  assert.equal(grant.type, 'google_cloud_run_v2_service_iam_member');
  assert.equal(grant.role, 'roles/run.invoker');
  assert.equal(grant.member, '${google_service_account.purge.member}');
  assert.equal(grant.name, '${google_cloud_run_v2_service.backend.name}');
  assert.equal(grant.location, '${google_cloud_run_v2_service.backend.location}');

  const runsAs = [
    block(backend(), 'template').service_account,
    block(kong(), 'template').service_account,
    ...Object.values(tf.locals.jobs).map((j) => j.service_account),
    block(block(resource(tf, 'google_cloud_scheduler_job', 'ops'), 'http_target'), 'oauth_token').service_account_email,
  ];
  for (const used of runsAs) assert.ok(!refersTo(used, 'google_service_account.purge'), `${used}: nothing else runs as the purge account`);
  assert.ok(!refersTo(block(block(resource(tf, 'google_cloud_scheduler_job', 'trash_purge'), 'http_target'), 'oidc_token').service_account_email, 'google_service_account.scheduler'),
    'not the jobs\' scheduler account, which may start the backup and JWKS jobs');
});

test('trash purge: the backend treats the purge account as admin by its unique id, behind the invoker check', async () => {
  const b = backend();
  assert.equal(b.ingress, 'INGRESS_TRAFFIC_INTERNAL_ONLY', 'Cloud Scheduler of the same project counts as internal');
  assert.equal(b.invoker_iam_disabled, false, 'Cloud Run verifies the token before the service sees it');
  const env = envOf(block(block(b, 'template'), 'containers'));
  assert.equal(env.TODO_AUTH_ADMIN_SUBJECTS, '${google_service_account.purge.unique_id}',
    'the sub of a service account\'s Google ID token is its unique id (the email could be reused by a new account)');
  assert.ok(!('TODO_AUTH_ADMIN_SUBJECTS_ISSUER' in env) || env.TODO_AUTH_ADMIN_SUBJECTS_ISSUER === 'https://accounts.google.com',
    'the subjects count only with Google\'s issuer');
  assert.ok(!('TODO_AUTH_JWKS_URI' in env),
    'Cloud Run replaces the signature of the token it forwards, so a signature check in the service would refuse the scheduler');

  const appYml = await readFile(path.join(repoRoot, 'bootstrap', 'src', 'main', 'resources', 'application.yml'), 'utf8');
  assert.match(appYml, /admin-subjects: \$\{TODO_AUTH_ADMIN_SUBJECTS:\}/, 'the service reads the variable; empty by default');
  assert.match(appYml, /admin-subjects-issuer: \$\{TODO_AUTH_ADMIN_SUBJECTS_ISSUER:`https:\/\/accounts\.google\.com`\}/);
});

test('trash purge: a failed attempt alerts', () => {
  const metric = resource(tf, 'google_logging_metric', 'purge_failed');
  assert.match(metric.filter, /resource\.type=\"cloud_scheduler_job\"/);
  assert.ok(refersTo(metric.filter, 'google_cloud_scheduler_job.trash_purge'), 'this job\'s attempts only');
  assert.match(metric.filter, /severity>=ERROR/);
  const alert = tf.locals.threshold_alerts['trash-purge-failed'];
  assert.ok(refersTo(alert.filter, 'google_logging_metric.purge_failed'));
  assert.equal(alert.threshold, 0);
});

test('Kong: ingress from the load balancer only, DB-less, configuration rendered from infra/kong/kong.yml', () => {
  const k = kong();
  assert.equal(k.ingress, 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
  const c = block(block(k, 'template'), 'containers');
  const env = envOf(c);
  assert.equal(env.KONG_DATABASE, 'off');
  assert.equal(env.KONG_ADMIN_LISTEN, 'off', 'no Admin API in production');
  assert.equal(env.KONG_DECLARATIVE_CONFIG_STRING, '${local.kong_config}');
  assert.match(tf.locals.kong_config, /^\$\{templatefile\("\$\{path\.module\}\/\.\.\/kong\/kong\.yml"/);
  assert.equal(c.image, '${local.kong_image}');
  assert.match(tf.locals.kong_image, /^\$\{google_artifact_registry_repository\.dockerhub\.location\}-docker\.pkg\.dev\/.*\/kong\/kong:\$\{var\.kong_version\}@\$\{var\.kong_image_digest\}$/,
    'Kong comes through the Docker Hub remote repository, by tag and digest');
  assert.match(variableDefault(tf, 'kong_version'), /^3\.9\.\d+$/);
  assert.ok(!('default' in tf.variable.kong_image_digest), 'the digest is required: never a guessed default');
  const digestRule = block(tf.variable.kong_image_digest, 'validation').condition;
  assert.ok(digestRule.includes('^sha256:[0-9a-f]{64}$'), 'the digest is validated by regex');
  const remote = resource(tf, 'google_artifact_registry_repository', 'dockerhub');
  assert.equal(remote.mode, 'REMOTE_REPOSITORY');
  assert.equal(block(block(remote, 'remote_repository_config'), 'docker_repository').public_repository, 'DOCKER_HUB');

  const port = block(c, 'ports').container_port;
  assert.equal(port, '${local.kong_port}');
  assert.equal(env.KONG_PROXY_LISTEN, '0.0.0.0:${local.kong_port}');
  assert.equal(env.KONG_STATUS_LISTEN, undefined, 'no second listener that probes cannot reach');
  for (const probe of ['startup_probe', 'liveness_probe']) {
    const get = block(block(c, probe), 'http_get');
    assert.equal(get.port, port, `Kong's ${probe} targets the serving port`);
    assert.equal(get.path, '${local.kong_health_path}');
  }
});

test('Kong: X-Forwarded-For trusted only from Google\'s load-balancer ranges, recursively; backend TLS verified; JSON logs', async () => {
  const env = envOf(block(block(kong(), 'template'), 'containers'));
  assert.deepEqual(tf.locals.google_lb_ranges, ['130.211.0.0/22', '35.191.0.0/16']);
  assert.equal(env.KONG_TRUSTED_IPS, '${join(",", concat(local.google_lb_ranges, [google_compute_global_address.lb.address]))}');
  assert.doesNotMatch(Object.values(tf.files).join('\n'), /0\.0\.0\.0\/0/, 'nothing trusts every address');
  assert.equal(env.KONG_REAL_IP_HEADER, 'X-Forwarded-For');
  assert.equal(env.KONG_REAL_IP_RECURSIVE, 'on');
  assert.equal(env.KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE, '/etc/ssl/certs/ca-certificates.crt');
  assert.equal(env.KONG_PROXY_ACCESS_LOG, 'off', 'the file-log plugin writes the JSON request log');
  const { config } = await renderedKong();
  const service = config.services.find((s) => s.name === 'todo-backend');
  assert.equal(service.tls_verify, true);
  const health = config.routes.find((r) => r.paths.includes(tf.locals.kong_health_path));
  assert.ok(health, 'a route answers the probe path');
  assert.equal(health.plugins.find((p) => p.name === 'request-termination').config.status_code, 200);
  assert.equal(health.service, undefined, 'Kong answers it itself: the backend is not probed');
  const log = config.plugins.find((p) => p.name === 'file-log');
  assert.equal(log.config.path, '/dev/stdout');
  assert.match(log.config.custom_fields_by_lua.severity, /'ERROR'/);
  assert.equal(log.config.custom_fields_by_lua['request.headers.authorization'], 'return nil', 'tokens are not logged');
});

test('load balancer chain: forwarding rule → HTTPS proxy (managed cert) → URL map → backend service (Cloud Armor) → serverless NEG → Kong', () => {
  const neg = resource(tf, 'google_compute_region_network_endpoint_group', 'kong');
  assert.equal(neg.network_endpoint_type, 'SERVERLESS');
  assert.ok(refersTo(block(neg, 'cloud_run').service, 'google_cloud_run_v2_service.kong'));

  const bs = resource(tf, 'google_compute_backend_service', 'kong');
  assert.equal(bs.load_balancing_scheme, 'EXTERNAL_MANAGED');
  assert.ok(refersTo(bs.security_policy, 'google_compute_security_policy.edge'), 'Cloud Armor policy attached');
  assert.ok(refersTo(block(bs, 'backend').group, 'google_compute_region_network_endpoint_group.kong'));

  const urlMap = resource(tf, 'google_compute_url_map', 'https');
  assert.ok(refersTo(urlMap.default_service, 'google_compute_backend_service.kong'));
  for (const [name, m] of resourcesOfType(tf, 'google_compute_url_map')) {
    if (m.default_service) assert.ok(refersTo(m.default_service, 'google_compute_backend_service.kong'), `${name} routes to the armored backend service`);
  }
  for (const [name, s] of resourcesOfType(tf, 'google_compute_backend_service')) {
    assert.ok(s.security_policy, `backend service ${name} has a Cloud Armor policy`);
  }

  const proxy = resource(tf, 'google_compute_target_https_proxy', 'lb');
  assert.ok(refersTo(proxy.url_map, 'google_compute_url_map.https'));
  assert.ok(proxy.ssl_certificates.some((c) => refersTo(c, 'google_compute_managed_ssl_certificate.lb')));
  const cert = resource(tf, 'google_compute_managed_ssl_certificate', 'lb');
  assert.ok(block(cert, 'managed'), 'Google-managed certificate');
  assert.equal(block(cert, 'lifecycle').create_before_destroy, true, 'replaced without a gap');
  assert.match(cert.name, /sha256\(var\.domain\)/, 'the name changes with the domains, so the new one can exist beside the old');

  const https = resource(tf, 'google_compute_global_forwarding_rule', 'https');
  assert.equal(https.port_range, '443');
  assert.ok(refersTo(https.target, 'google_compute_target_https_proxy.lb'));
});

test('plain HTTP only redirects to HTTPS', () => {
  const http = resource(tf, 'google_compute_global_forwarding_rule', 'http');
  assert.equal(http.port_range, '80');
  assert.ok(refersTo(http.target, 'google_compute_target_http_proxy.redirect'));
  const proxy = resource(tf, 'google_compute_target_http_proxy', 'redirect');
  assert.ok(refersTo(proxy.url_map, 'google_compute_url_map.http_redirect'));
  const map = resource(tf, 'google_compute_url_map', 'http_redirect');
  assert.equal(map.default_service, undefined, 'the redirect map serves nothing');
  assert.equal(block(map, 'default_url_redirect').https_redirect, true);
  assert.equal(http.ip_address, resource(tf, 'google_compute_global_forwarding_rule', 'https').ip_address, 'same address');
});

test('Cloud Armor: OWASP SQLi, XSS, LFI and RCE rules (preview switchable, preview by default) and a rate-based ban', () => {
  const policy = resource(tf, 'google_compute_security_policy', 'edge');
  const dynamicRules = blocks(block(policy, 'dynamic') ?? {}, 'rule');
  const staticRules = blocks(policy, 'rule');
  const wafRules = [];
  for (const d of dynamicRules) {
    const source = d.for_each === '${local.waf_rules}' ? tf.locals.waf_rules : null;
    assert.ok(source, 'dynamic rules come from local.waf_rules');
    const content = block(d, 'content');
    assert.equal(content.action, 'deny(403)');
    for (const r of Object.values(source)) wafRules.push({ expression: r.expression, preview: content.preview });
  }
  for (const r of staticRules) {
    const expr = block(block(r, 'match'), 'expr')?.expression;
    if (expr?.includes('evaluatePreconfiguredWaf')) wafRules.push({ expression: expr, preview: r.preview });
  }
  const priorities = Object.values(tf.locals.waf_rules ?? {}).map((r) => r.priority);
  assert.equal(new Set(priorities).size, priorities.length, 'each WAF rule has its own priority');
  for (const family of ['sqli', 'xss', 'lfi', 'rce', 'protocolattack', 'scannerdetection', 'methodenforcement', 'cve-canary']) {
    const name = family === 'cve-canary' ? family : `${family}-v\\d+-stable`;
    const rule = wafRules.find((r) => new RegExp(`evaluatePreconfiguredWaf\\('${name}'`).test(r.expression));
    assert.ok(rule, `a preconfigured ${family} rule exists`);
    assert.equal(rule.preview, '${var.waf_preview}', `${family} preview is switched by var.waf_preview`);
  }
  assert.equal(variableDefault(tf, 'waf_preview'), true, 'introduced in preview mode');

  const ban = staticRules.find((r) => r.action === 'rate_based_ban');
  assert.ok(ban, 'a rate_based_ban rule exists');
  const options = block(ban, 'rate_limit_options');
  assert.equal(options.enforce_on_key, 'IP');
  assert.match(options.exceed_action, /^deny\(429\)$/);
  assert.ok(literalOrDefault(tf, options.ban_duration_sec) > 0);
  assert.ok(literalOrDefault(tf, block(options, 'rate_limit_threshold').count) > 0);
  assert.notEqual(ban.preview, true, 'the rate limit is enforced');

  const fallback = staticRules.find((r) => r.priority === 2147483647);
  assert.ok(fallback, 'the default rule is explicit');
});

test('Cloud Armor: uploads are exempt from the rules that inspect bodies; the API\'s methods from methodenforcement', () => {
  const dynamic = blocks(block(resource(tf, 'google_compute_security_policy', 'edge'), 'dynamic'), 'rule')[0];
  assert.equal(block(block(block(dynamic, 'content'), 'match'), 'expr').expression,
    '${rule.value.skip == null ? rule.value.expression : "${rule.value.expression} && !(${rule.value.skip})"}');
  const upload = tf.locals.upload_request;
  const uploadPath = upload.match(/request\.path\.matches\('([^']+)'\)/)[1];
  assert.match('/api/v1/todos/0b9c8f3e/attachments', new RegExp(uploadPath));
  assert.doesNotMatch('/api/v1/todos/0b9c8f3e/attachments/1/content', new RegExp(uploadPath), 'downloads stay inspected');
  assert.doesNotMatch('/api/v1/todos', new RegExp(uploadPath));
  assert.match(upload, /request\.method == 'POST'/);
  const rules = tf.locals.waf_rules;
  for (const body of ['sqli', 'xss', 'lfi', 'rce', 'protocolattack', 'cve']) {
    assert.equal(rules[body].skip, '${local.upload_request}', `${body} skips uploads`);
  }
  assert.equal(rules.scannerdetection.skip, null, 'scanner detection reads headers: nothing skipped');
  assert.equal(rules.methodenforcement.skip, "request.path.startsWith('/api/')", 'PUT, PATCH and DELETE on the API pass');
});

test('buckets: uniform access, public access prevention enforced, versioning or soft delete', () => {
  const buckets = resourcesOfType(tf, 'google_storage_bucket');
  assert.deepEqual(buckets.map(([n]) => n).sort(), ['attachments', 'backup', 'replica']);
  for (const [name, b] of buckets) {
    if (name === 'backup') {
      assert.ok(block(b, 'retention_policy'), 'backup: objects cannot be deleted before their retention ends');
    }
    assert.equal(b.uniform_bucket_level_access, true, `${name}: uniform bucket-level access`);
    assert.equal(b.public_access_prevention, 'enforced', `${name}: public access prevention`);
    const versioned = block(b, 'versioning')?.enabled === true || name === 'backup';
    const softDelete = block(b, 'soft_delete_policy');
    const softDeleteDays = softDelete ? variableDefault(tf, 'soft_delete_days') : 0;
    assert.ok(versioned || softDeleteDays >= 7, `${name}: versioning or at least 7 days of soft delete`);
  }
  assert.deepEqual(Object.keys(tf.resource.google_storage_default_object_acl ?? {}), [], 'no object ACLs');
  assert.deepEqual(Object.keys(tf.resource.google_storage_object_acl ?? {}), []);
});

test('metrics: the Managed Service for Prometheus sidecar scrapes var.metrics_path on the backend\'s port', () => {
  const t = block(backend(), 'template');
  const [service, sidecar] = blocks(t, 'containers');
  assert.equal(sidecar.image, '${var.prometheus_sidecar_image}');
  assert.match(variableDefault(tf, 'prometheus_sidecar_image'), /cloud-run-gmp-sidecar:\d+\.\d+\.\d+$/);
  assert.deepEqual(sidecar.depends_on, [service.name], 'it starts once the service is up');
  const mount = block(sidecar, 'volume_mounts');
  assert.equal(mount.mount_path, '/etc/rungmp', 'where the sidecar reads config.yaml');
  const volume = blocks(t, 'volumes').find((v) => v.name === mount.name);
  assert.ok(refersTo(block(volume, 'secret').secret, 'google_secret_manager_secret.run_monitoring'));
  assert.equal(block(block(volume, 'secret'), 'items').path, 'config.yaml');
  const doc = resource(tf, 'google_secret_manager_secret_version', 'run_monitoring').secret_data;
  assert.match(doc, /kind\s*=\s*"RunMonitoring"/);
  assert.match(doc, /port\s*=\s*8080/);
  assert.equal(block(service, 'ports').container_port, 8080, 'the port scraped is the service\'s');
  assert.match(doc, /path\s*=\s*var\.metrics_path/);
  assert.equal(variableDefault(tf, 'metrics_path'), '/internal/metrics');
  const armor = blocks(resource(tf, 'google_compute_security_policy', 'edge'), 'rule')
    .find((r) => /\/internal/.test(block(block(r, 'match'), 'expr')?.expression ?? ''));
  assert.ok(armor && armor.action === 'deny(404)' && armor.preview === false, 'Cloud Armor keeps /internal/ from the internet');
});

test('traces: an OpenTelemetry Collector sidecar takes OTLP/HTTP on 127.0.0.1:4318 and exports to Cloud Trace', async () => {
  const t = block(backend(), 'template');
  const containers = blocks(t, 'containers');
  const service = containers.find((c) => c.name === 'backend');
  const collector = containers.find((c) => c.name === 'collector');
  assert.ok(collector, 'a collector container');
  assert.equal(collector.ports, undefined, 'the sidecar takes no requests from outside');

  // The image: Docker Hub's contrib distribution through the remote repository, exact version and digest.
  assert.equal(collector.image, '${local.otel_collector_image}');
  const image = tf.locals.otel_collector_image;
  assert.ok(refersTo(image, 'google_artifact_registry_repository.dockerhub'), 'pulled through the Docker Hub remote repository');
  assert.match(image, /\/otel\/opentelemetry-collector-contrib:\$\{var\.otel_collector_version\}@\$\{var\.otel_collector_image_digest\}$/);
  assert.match(variableDefault(tf, 'otel_collector_version'), /^\d+\.\d+\.\d+$/, 'one exact release');
  assert.ok(!('default' in tf.variable.otel_collector_image_digest), 'the digest is never a default');
  assert.match(tf.files['variables.tf'], /var\.otel_collector_image_digest\)\)/, 'the digest is validated');

  // Order: the backend starts once the collector's startup probe (health_check) passes.
  assert.deepEqual(service.depends_on, ['collector']);
  const probe = block(block(collector, 'startup_probe'), 'http_get');
  assert.equal(probe.port, '${local.otel_collector_health_port}');
  assert.equal(tf.locals.otel_collector_health_port, 13133);

  // Small: 1 vCPU (fractions need the first generation) and a little memory.
  const limits = block(collector, 'resources').limits;
  assert.equal(limits.cpu, '1');
  assert.equal(limits.memory, '${local.otel_collector_memory_mib}Mi');
  assert.ok(tf.locals.otel_collector_memory_mib <= 512);

  // Configuration: a Secret Manager secret mounted where the command line reads it.
  const mount = block(collector, 'volume_mounts');
  assert.equal(mount.mount_path, '${local.otel_collector_config_dir}');
  assert.deepEqual(collector.args, ['--config=${local.otel_collector_config_dir}/config.yaml']);
  const volume = blocks(t, 'volumes').find((v) => v.name === mount.name);
  assert.ok(refersTo(block(volume, 'secret').secret, 'google_secret_manager_secret.otel_collector'));
  assert.equal(block(block(volume, 'secret'), 'items').path, 'config.yaml');
  const access = resource(tf, 'google_secret_manager_secret_iam_member', 'backend_reads_otel_collector');
  assert.equal(access.role, 'roles/secretmanager.secretAccessor');
  assert.ok(refersTo(access.member, 'google_service_account.backend'));
  assert.ok(refersTo(access.secret_id, 'google_secret_manager_secret.otel_collector'), 'access to this secret only');

  const doc = resource(tf, 'google_secret_manager_secret_version', 'otel_collector').secret_data;
  assert.match(doc, /otlp\s*=\s*\{\s*protocols\s*=\s*\{\s*http\s*=\s*\{\s*endpoint\s*=\s*"127\.0\.0\.1:4318"/, 'OTLP/HTTP on loopback, port 4318');
  assert.doesNotMatch(doc, /grpc/, 'no gRPC receiver: the service sends http/protobuf');
  assert.match(doc, /googlecloud\s*=/, 'the googlecloud exporter (Cloud Trace)');
  assert.match(doc, /processors\s*=\s*\["memory_limiter",\s*"batch"\]/, 'memory_limiter first, then batch');
  assert.match(doc, /exporters\s*=\s*\["googlecloud"\]/);
  assert.match(doc, /health_check\s*=\s*\{\s*endpoint\s*=\s*"0\.0\.0\.0:\$\{local\.otel_collector_health_port\}"/);

  // What the service sends to: the same port, in the gcp environment.
  const gcp = await readFile(path.join(repoRoot, 'bootstrap', 'src', 'main', 'resources', 'application-gcp.yml'), 'utf8');
  assert.match(gcp, /exporter:\s*\$\{TODO_TRACES_EXPORTER:otlp\}/);
  assert.match(gcp, /protocol:\s*http\/protobuf/);
  assert.match(gcp, /endpoint:.*http:\/\/localhost:4318/);

  // Writing spans: roles/cloudtrace.agent for the backend's account, with the API enabled.
  const trace = resource(tf, 'google_project_iam_member', 'backend_writes_traces');
  assert.equal(trace.role, 'roles/cloudtrace.agent');
  assert.ok(refersTo(trace.member, 'google_service_account.backend'));
  assert.match(tf.files['apis.tf'], /"cloudtrace\.googleapis\.com"/);
  assert.ok(backend().depends_on.some((d) => refersTo(d, 'google_secret_manager_secret_iam_member.backend_reads_otel_collector')),
    'the revision is created once the backend may read the configuration');
});

test('metric names are named once (local.metrics) and every alert and dashboard query uses them', () => {
  const names = Object.values(tf.locals.metrics);
  assert.deepEqual(names.sort(), ['hikaricp_connections_pending', 'http_server_requests_seconds', 'todo_lease_renewal_failures_total',
    'todo_replication_last_sync_age_seconds', 'todo_sqlite_write_queue_depth']);
  const text = Object.values(tf.files).join('\n');
  for (const name of names) {
    assert.equal(text.split(name).length - 1, 1, `${name} is written once, in local.metrics`);
  }
  for (const q of Object.values(tf.locals.promql_alerts)) assert.match(q.query, /\$\{local\.metrics\.\w+\}/);
});

test('alerts: error rate, p95, pool, lease, replication, 5xx, Cloud Armor, instances, memory, jobs, JWKS, uptime; all notify', () => {
  const promql = tf.locals.promql_alerts;
  assert.match(promql['error-rate'].query, /status=~\\?"5\.\.\\?"/);
  assert.match(promql['error-rate'].query, /> 0\.01$/);
  assert.equal(promql['error-rate'].duration, '300s');
  assert.match(promql['latency-p95'].query, /^histogram_quantile\(0\.95, .*_bucket.*\) > 0\.5$/);
  assert.equal(promql['latency-p95'].duration, '600s');
  for (const [name, metric] of [['db-pool-exhausted', 'db_pool_pending'], ['lease-renewal', 'lease_failures'], ['replication-lag', 'replication_age'], ['write-queue', 'write_queue_depth']]) {
    assert.ok(promql[name].query.includes(`\${local.metrics.${metric}}`), `${name} reads ${metric}`);
  }
  const threshold = tf.locals.threshold_alerts;
  assert.match(threshold['lb-5xx'].filter, /loadbalancing\.googleapis\.com\/https\/request_count.*response_code_class = 500/);
  assert.match(threshold['armor-denials'].filter, /google_logging_metric\.armor_denied/);
  assert.match(resource(tf, 'google_logging_metric', 'armor_denied').filter, /enforcedSecurityPolicy\.outcome="DENY"/);
  assert.match(threshold.instances.filter, /container\/instance_count/);
  assert.equal(threshold.instances.threshold, 1);
  assert.ok(parseInt(threshold.instances.duration, 10) >= 600, 'longer than a rollout');
  assert.match(threshold['database-volume'].filter, /memory\/utilizations/);
  assert.equal(threshold['database-volume'].threshold, 0.8);
  assert.match(threshold['job-failed'].filter, /result = \\?"failed\\?"/);
  assert.match(resource(tf, 'google_logging_metric', 'jwks_drift').filter, /jsonPayload\.check="jwks" AND severity>=ERROR/);

  const uptime = resource(tf, 'google_monitoring_uptime_check_config', 'health');
  assert.equal(block(uptime, 'http_check').path, HEALTH);
  assert.equal(block(uptime, 'http_check').use_ssl, true);
  assert.equal(block(uptime, 'monitored_resource').labels.host, '${var.domain}');
  assert.match(block(block(resource(tf, 'google_monitoring_alert_policy', 'uptime'), 'conditions'), 'condition_threshold').filter, /uptime_check\/check_passed/);

  for (const [name, policy] of resourcesOfType(tf, 'google_monitoring_alert_policy')) {
    assert.ok(policy.notification_channels.some((c) => refersTo(c, 'google_monitoring_notification_channel.email')), `${name} notifies`);
  }
  const promqlPolicy = block(block(resource(tf, 'google_monitoring_alert_policy', 'promql'), 'conditions'), 'condition_prometheus_query_language');
  assert.equal(promqlPolicy.query, '${each.value.query}');
});

test('a dashboard and a budget that notifies the same channel', () => {
  const dashboard = resource(tf, 'google_monitoring_dashboard', 'service').dashboard_json;
  for (const key of ['http_requests', 'write_queue_depth', 'db_pool_pending', 'lease_failures', 'replication_age']) {
    assert.ok(dashboard.includes(`local.metrics.${key}`), `the dashboard shows ${key}`);
  }
  const budget = resource(tf, 'google_billing_budget', 'monthly');
  assert.equal(budget.billing_account, '${var.billing_account}');
  assert.ok(blocks(budget, 'threshold_rules').length >= 2);
  assert.ok(refersTo(block(budget, 'all_updates_rule').monitoring_notification_channels[0], 'google_monitoring_notification_channel.email'));
});

test('terraform fmt finds nothing to change (when the terraform CLI is installed)', (t) => {
  let version;
  try {
    version = execFileSync('terraform', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    t.skip('terraform CLI not installed: formatting not checked');
    return;
  }
  assert.match(version, /Terraform v/);
  execFileSync('terraform', ['fmt', '-check', '-recursive', terraformDir], { stdio: ['ignore', 'pipe', 'pipe'] });
});
