// Offline checks of infra/terraform: the configuration is parsed to JSON (@cdktf/hcl2json) and
// the production shape of issue 7 is asserted. Nothing here talks to Google Cloud.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import {
  loadTerraform, resource, resourcesOfType, block, blocks, refersTo, variablesIn,
  variableDefault, literalOrDefault, envOf,
} from '../lib/terraform.mjs';
import { terraformDir } from '../lib/paths.mjs';

let tf;
before(async () => {
  tf = await loadTerraform();
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

test('the subnet has Private Google Access and Kong leaves through it for all traffic', () => {
  const subnet = resource(tf, 'google_compute_subnetwork', 'run');
  assert.equal(subnet.private_ip_google_access, true);
  assert.ok(refersTo(subnet.network, 'google_compute_network.vpc'));
  assert.equal(resource(tf, 'google_compute_network', 'vpc').auto_create_subnetworks, false);

  const vpc = block(block(kong(), 'template'), 'vpc_access');
  assert.ok(vpc, 'Kong has vpc_access');
  assert.equal(vpc.egress, 'ALL_TRAFFIC');
  assert.equal(vpc.connector, undefined, 'Direct VPC egress, not a Serverless VPC Access connector');
  const nic = block(vpc, 'network_interfaces');
  assert.ok(refersTo(nic.network, 'google_compute_network.vpc'));
  assert.ok(refersTo(nic.subnetwork, 'google_compute_subnetwork.run'));
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
  assert.equal(containers.length, 1, 'one container: Litestream runs inside it as the entrypoint');
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
  assert.deepEqual(Object.keys(tf.resource.google_project_iam_member ?? {}), [], 'no project-wide role grants');
  assert.deepEqual(Object.keys(tf.resource.google_project_iam_binding ?? {}), []);
  for (const [name, m] of resourcesOfType(tf, 'google_storage_bucket_iam_member')) {
    assert.ok(refersTo(m.member, 'google_service_account.backend'), `${name}: only the backend reads and writes objects`);
    assert.ok(['roles/storage.objectUser', 'roles/storage.objectViewer'].includes(m.role), `${name}: object-level role, not admin`);
  }
});

test('nothing is granted to allUsers or allAuthenticatedUsers on the backend; Kong is its only invoker', () => {
  for (const [type, byName] of Object.entries(tf.resource)) {
    if (!/_iam_(member|binding|policy)$/.test(type)) continue;
    for (const [name, r] of Object.entries(byName)) {
      const members = [r.member, ...(r.members ?? []), r.policy_data].filter(Boolean).join(' ');
      const onBackend = refersTo(r.name, 'google_cloud_run_v2_service.backend') || refersTo(r.service, 'google_cloud_run_v2_service.backend');
      if (onBackend) {
        assert.doesNotMatch(members, /allUsers|allAuthenticatedUsers/, `${type}.${name}`);
        assert.ok(refersTo(r.member, 'google_service_account.kong'), `${type}.${name}: the invoker is Kong's service account`);
        assert.equal(r.role, 'roles/run.invoker');
      }
      if (type.startsWith('google_storage_bucket_iam')) {
        assert.doesNotMatch(members, /allUsers|allAuthenticatedUsers/, `${type}.${name}: no public bucket grant`);
      }
    }
  }
  assert.ok(
    resourcesOfType(tf, 'google_cloud_run_v2_service_iam_member').some(([, r]) => refersTo(r.name, 'google_cloud_run_v2_service.backend')),
    'an invoker binding for Kong on the backend exists',
  );
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
  const kongImage = variableDefault(tf, 'kong_image');
  assert.match(kongImage, /(:\d+\.\d+\.\d+$)|(@sha256:[0-9a-f]{64}$)/, 'the Kong image is an exact version');
  for (const probe of ['startup_probe', 'liveness_probe']) assert.ok(block(c, probe), `Kong has a ${probe}`);
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
  assert.ok(block(resource(tf, 'google_compute_managed_ssl_certificate', 'lb'), 'managed'), 'Google-managed certificate');

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
  for (const family of ['sqli', 'xss', 'lfi', 'rce']) {
    const rule = wafRules.find((r) => new RegExp(`evaluatePreconfiguredWaf\\('${family}-v\\d+-stable'`).test(r.expression));
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

test('buckets: uniform access, public access prevention enforced, versioning or soft delete', () => {
  const buckets = resourcesOfType(tf, 'google_storage_bucket');
  assert.deepEqual(buckets.map(([n]) => n).sort(), ['attachments', 'replica']);
  for (const [name, b] of buckets) {
    assert.equal(b.uniform_bucket_level_access, true, `${name}: uniform bucket-level access`);
    assert.equal(b.public_access_prevention, 'enforced', `${name}: public access prevention`);
    const versioned = block(b, 'versioning')?.enabled === true;
    const softDelete = block(b, 'soft_delete_policy');
    const softDeleteDays = softDelete ? variableDefault(tf, 'soft_delete_days') : 0;
    assert.ok(versioned || softDeleteDays >= 7, `${name}: versioning or at least 7 days of soft delete`);
  }
  assert.deepEqual(Object.keys(tf.resource.google_storage_default_object_acl ?? {}), [], 'no object ACLs');
  assert.deepEqual(Object.keys(tf.resource.google_storage_object_acl ?? {}), []);
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
