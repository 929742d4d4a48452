// Offline checks of infra/kong/kong.yml: rendered like Terraform renders it, validated against
// Kong's declarative-config JSON schema (draft-04), then the gateway's rules are asserted.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import Ajv from 'ajv-draft-04';
import { loadTerraform, templatefileKeys } from '../lib/terraform.mjs';
import {
  kongTemplate, placeholders, renderedKong, allPlugins, allRoutes, effectivePlugins, matchRoute, normalizePath,
} from '../lib/kong.mjs';
import { vendoredKongSchema, sharedKongSchema } from '../lib/paths.mjs';

// Plugins bundled with Kong Gateway OSS 3.x (no Enterprise plugin may appear).
const OSS_PLUGINS = new Set([
  'acl', 'acme', 'aws-lambda', 'azure-functions', 'basic-auth', 'bot-detection', 'correlation-id',
  'cors', 'datadog', 'file-log', 'grpc-gateway', 'grpc-web', 'hmac-auth', 'http-log', 'ip-restriction',
  'jwt', 'key-auth', 'ldap-auth', 'loggly', 'oauth2', 'opentelemetry', 'post-function', 'pre-function',
  'prometheus', 'proxy-cache', 'rate-limiting', 'redirect', 'request-size-limiting', 'request-termination',
  'request-transformer', 'response-ratelimiting', 'response-transformer', 'session', 'statsd', 'syslog',
  'tcp-log', 'udp-log', 'zipkin',
]);

// The contract's public routes (api.md), the browser app and Kong's own probe route; open only for reading.
const PUBLIC_PATHS = new Set(['/_gateway/health', '/api/v1/health', '/api/v1/config', '/api/v1/openapi.yml', '/api/v1/openapi.json', '/docs', '/redoc', '/']);
const READ_METHODS = new Set(['GET', 'HEAD']);
const CLOUD_RUN_REQUEST_LIMIT = 32 * 1024 * 1024;
const ATTACHMENT_LIMIT = 10 * 1024 * 1024;

let template;
let config;
let values;
before(async () => {
  template = await kongTemplate();
  ({ config, values } = await renderedKong());
});

const isPublicRoute = (route) =>
  (route.paths ?? []).length > 0 &&
  route.paths.every((p) => PUBLIC_PATHS.has(p)) &&
  (route.methods ?? []).length > 0 &&
  route.methods.every((m) => READ_METHODS.has(m));

test('the template uses only bare placeholders, exactly those Terraform passes to templatefile()', async () => {
  assert.doesNotMatch(template, /%\{/, 'no template directives');
  const names = placeholders(template);
  for (const name of names) assert.match(name, /^[a-z][a-z0-9_]*$/, `placeholder ${name} is a bare name`);
  const tf = await loadTerraform();
  const keys = templatefileKeys(tf.locals.kong_config, 'kong/kong.yml');
  assert.ok(keys, 'kong_config renders kong/kong.yml with templatefile()');
  assert.deepEqual([...keys].sort(), [...names].sort());
});

test('the rendered configuration is valid against Kong\'s declarative-config schema', async () => {
  const schema = JSON.parse(await readFile(vendoredKongSchema, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const ok = validate(config);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  assert.equal(config._format_version, '3.0');
});

test('the schema fails a broken configuration (the validator is wired up)', async () => {
  const schema = JSON.parse(await readFile(vendoredKongSchema, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const broken = structuredClone(config);
  broken.services[0].routes[0].paths = 'not-a-list';
  broken.services[0].retries = 'three';
  assert.equal(validate(broken), false);
});

test('the vendored schema is the shared one (when ../shared is checked out beside the repository)', async (t) => {
  try {
    await access(sharedKongSchema);
  } catch {
    t.skip(`${sharedKongSchema} not present; the vendored copy is used`);
    return;
  }
  assert.equal(await readFile(vendoredKongSchema, 'utf8'), await readFile(sharedKongSchema, 'utf8'));
});

test('only plugins bundled with Kong OSS are used', () => {
  const plugins = allPlugins(config);
  assert.ok(plugins.length > 0);
  for (const { scope, plugin } of plugins) {
    assert.ok(OSS_PLUGINS.has(plugin.name), `${plugin.name} (${scope}) is an OSS plugin`);
  }
});

test('every route that is not public requires a JWT', () => {
  const routes = allRoutes(config);
  assert.ok(routes.length >= 4);
  for (const { route, service } of routes) {
    const plugins = effectivePlugins(config, route, service);
    const hasJwt = plugins.has('jwt');
    if (!service && plugins.get('request-termination')?.config.status_code >= 400) continue; // refused by Kong itself
    if (isPublicRoute(route)) {
      assert.equal(hasJwt, false, `public route ${route.name} stays open`);
    } else {
      assert.ok(hasJwt, `route ${route.name} (${route.paths}) requires a JWT`);
    }
  }
});

test('every route sets methods, so that the longest path prefix decides between routes', () => {
  // Kong prefers routes with more kinds of rules; a route with paths only would lose against "/" + GET.
  for (const { route } of allRoutes(config)) {
    assert.ok(route.methods?.length > 0, `route ${route.name} lists its methods`);
    assert.equal(route.strip_path, false, `route ${route.name} forwards the path unchanged`);
    assert.ok(!(route.paths ?? []).some((p) => p.startsWith('~')), `route ${route.name}: prefix paths only`);
  }
});

const PROTECTED = [
  ['GET', '/api/v1/todos'], ['POST', '/api/v1/todos'], ['PATCH', '/api/v1/todos'], ['DELETE', '/api/v1/todos'],
  ['GET', '/api/v1/todos/0b9c8f3e'], ['PUT', '/api/v1/todos/0b9c8f3e'], ['PATCH', '/api/v1/todos/0b9c8f3e'],
  ['DELETE', '/api/v1/todos/0b9c8f3e'], ['GET', '/api/v1/todos/stats'], ['GET', '/api/v1/me'],
  ['POST', '/api/v1/todos/0b9c8f3e/attachments'], ['GET', '/api/v1/todos/0b9c8f3e/attachments/1/content'],
  ['POST', '/api/v1/health'], ['PUT', '/api/v1/config'], ['DELETE', '/api/v1/openapi.yml'], ['OPTIONS', '/api/v1/todos'],
  ['GET', '/api/v1'], ['GET', '/api/v1/'], ['HEAD', '/api/v1/todos'],
];
const OPEN = [
  ['GET', '/api/v1/health'], ['HEAD', '/api/v1/health'], ['GET', '/api/v1/config'], ['GET', '/api/v1/openapi.yml'], ['GET', '/api/v1/openapi.json'], ['GET', '/redoc'],
  ['GET', '/docs'], ['GET', '/docs/index.html'], ['GET', '/'], ['GET', '/index.html'], ['GET', '/app.js'],
  ['GET', '/todos/active'],
];

test('routing: API requests land on a JWT route, public ones on open routes', () => {
  for (const [method, path] of PROTECTED) {
    const m = matchRoute(config, method, path);
    assert.ok(m, `${method} ${path} matches a route`);
    assert.ok(effectivePlugins(config, m.route, m.service).has('jwt'), `${method} ${path} → ${m.route.name} requires a JWT`);
  }
  for (const [method, path] of OPEN) {
    const m = matchRoute(config, method, path);
    assert.ok(m, `${method} ${path} matches a route`);
    assert.equal(effectivePlugins(config, m.route, m.service).has('jwt'), false, `${method} ${path} → ${m.route.name} is open`);
  }
  assert.equal(matchRoute(config, 'POST', '/index.html'), null, 'no open route accepts writes outside the API');
});

const removesAuthorization = (plugins) =>
  (plugins.get('request-transformer')?.config.remove?.headers ?? []).some((h) => h.toLowerCase() === 'authorization');

test('every route without the jwt plugin removes Authorization; jwt routes keep it', () => {
  for (const { route, service } of allRoutes(config)) {
    const plugins = effectivePlugins(config, route, service);
    if (plugins.has('jwt')) {
      assert.equal(removesAuthorization(plugins), false, `${route.name}: the verified token reaches the backend`);
    } else {
      assert.ok(removesAuthorization(plugins) || plugins.has('request-termination'),
        `${route.name}: an unverified Authorization never reaches the backend`);
    }
  }
});

// Routing slips: paths the backend may read as /api/v1/... but that do not start with it literally.
const SLIPS = [
  '//api/v1/todos', '/api//v1/todos', '///api/v1/todos/0b9c8f3e', '/./api/v1/todos', '/api/v1/../v1/todos',
  '/docs/../api/v1/todos', '/api/v1/health/../todos', '/%61pi/v1/todos', '/api/%761/me', '/api/v1/%2e%2e/v1/todos',
  '/index.html/../api/v1/todos/stats', '/api/v1/config/..//todos',
];

test('normalisation replays RFC 3986 dot segments, unreserved escapes and merged slashes', () => {
  assert.equal(normalizePath('//api/v1/todos'), '/api/v1/todos');
  assert.equal(normalizePath('/docs/../api/v1/todos'), '/api/v1/todos');
  assert.equal(normalizePath('/%61pi/v1/%2e%2e/v1/me'), '/api/v1/me');
  assert.equal(normalizePath('/api/v1/%2Ftodos'), '/api/v1/%2Ftodos', 'an escaped slash is not a separator');
});

test('routing slips: whether Kong matches the raw or the normalised path, no unverified token reaches the backend', () => {
  for (const raw of SLIPS) {
    for (const method of ['GET', 'HEAD', 'POST', 'DELETE']) {
      for (const path of [raw, normalizePath(raw)]) {
        const m = matchRoute(config, method, path);
        if (!m) continue; // no route: Kong answers 404 itself
        const plugins = effectivePlugins(config, m.route, m.service);
        assert.ok(plugins.has('jwt') || removesAuthorization(plugins),
          `${method} ${raw} (matched as ${path}) → ${m.route.name}: verified or anonymous`);
      }
      const normalised = matchRoute(config, method, normalizePath(raw));
      if (normalizePath(raw).startsWith('/api/v1/') && !/^\/api\/v1\/(health|config|openapi\.yml)/.test(normalizePath(raw))) {
        assert.ok(normalised && effectivePlugins(config, normalised.route, normalised.service).has('jwt'),
          `${method} ${raw} read as ${normalizePath(raw)} requires a JWT`);
      }
    }
  }
});

test('the backend\'s internal routes (metrics) are answered 404 by Kong itself, raw or normalised', () => {
  for (const path of ['/internal/metrics', '/internal', '/internal/metrics?x=1', '//internal/metrics', '/docs/../internal/metrics', '/%69nternal/metrics']) {
    for (const method of ['GET', 'HEAD', 'POST']) {
      const m = matchRoute(config, method, normalizePath(path.split('?')[0]));
      assert.ok(m, `${method} ${path} matches a route`);
      const termination = effectivePlugins(config, m.route, m.service).get('request-termination');
      assert.equal(termination?.config.status_code, 404, `${method} ${path} → ${m.route.name} never reaches the backend`);
    }
  }
});

test('jwt: RS256 keys from variables looked up by kid, exp verified, tokens only in the Authorization header', () => {
  const jwts = allPlugins(config).filter(({ plugin }) => plugin.name === 'jwt');
  assert.ok(jwts.length > 0);
  for (const { plugin, scope } of jwts) {
    const c = plugin.config;
    // A listed claim the token lacks fails it: nbf would make every Auth0/Cognito/Okta/Keycloak token 401.
    assert.deepEqual(c.claims_to_verify, ['exp'], `${scope}: exp verified, and only exp`);
    assert.equal(c.key_claim_name, 'kid', `${scope}: one credential per signing key`);
    assert.deepEqual(c.uri_param_names, [], `${scope}: no tokens in query strings`);
    assert.deepEqual(c.cookie_names, [], `${scope}: no tokens in cookies`);
    assert.deepEqual(c.header_names.map((h) => h.toLowerCase()), ['authorization']);
  }
  const secrets = config.consumers.flatMap((c) => c.jwt_secrets ?? []);
  assert.equal(secrets.length, values.jwt_secrets_json.length, 'one credential per key given (the rotation case has two)');
  for (const s of secrets) {
    assert.equal(s.algorithm, 'RS256');
    assert.match(s.rsa_public_key, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/);
  }
  assert.match(template, /jwt_secrets:\s*\$\{jwt_secrets_json\}/, 'keys come from the Terraform variable, not the file');
});

test('after the jwt plugin, issuer and audience are checked', () => {
  for (const { route, service } of allRoutes(config)) {
    const plugins = effectivePlugins(config, route, service);
    if (!plugins.has('jwt')) continue;
    const post = plugins.get('post-function');
    assert.ok(post, `route ${route.name}: a post-function checks iss and aud`);
    const code = post.config.access.join('\n');
    assert.match(code, /claims\.iss ~= issuer/);
    assert.match(code, /claims\.aud/);
    assert.match(code, /kong\.ctx\.shared\.authenticated_jwt_token/);
    assert.ok(code.includes(JSON.stringify(values.oidc_issuer_json)), 'the issuer is rendered into the code');
  }
});

test('Kong proves its identity to the backend with an ID token in X-Serverless-Authorization', () => {
  const service = config.services.find((s) => s.name === 'todo-backend');
  assert.equal(service.url, values.backend_url_json);
  const pre = (service.plugins ?? []).find((p) => p.name === 'pre-function');
  assert.ok(pre);
  const code = pre.config.access.join('\n');
  assert.match(code, /X-Serverless-Authorization/);
  assert.match(code, /computeMetadata\/v1\/instance\/service-accounts\/default\/identity\?audience=/);
  assert.ok(code.includes(JSON.stringify(values.backend_audience_json)));
});

test('correlation-id, rate-limiting, request-size-limiting and security headers are configured', () => {
  const plugins = allPlugins(config);
  const find = (name) => plugins.find(({ plugin }) => plugin.name === name)?.plugin;

  const correlation = find('correlation-id');
  assert.equal(correlation.config.header_name, 'X-Request-ID');
  assert.equal(correlation.config.echo_downstream, true);
  assert.ok(config.plugins.includes(correlation), 'correlation-id is global');

  const rate = find('rate-limiting');
  assert.equal(rate.config.policy, 'local');
  assert.equal(rate.config.hide_client_headers, false, 'clients see the RateLimit headers');
  assert.equal(rate.config.error_code, 429);
  assert.ok(rate.config.second > 0 || rate.config.minute > 0);

  const size = find('request-size-limiting');
  const unit = { bytes: 1, kilobytes: 1024, megabytes: 1024 * 1024 }[size.config.size_unit ?? 'megabytes'];
  const limit = size.config.allowed_payload_size * unit;
  assert.ok(limit < CLOUD_RUN_REQUEST_LIMIT, 'below Cloud Run\'s 32 MiB');
  assert.ok(limit > ATTACHMENT_LIMIT, 'above the backend\'s attachment limit, so the backend answers 413 itself');
  assert.equal(size.config.require_content_length, false);

  const headers = find('response-transformer').config.add.headers.map((h) => h.split(':')[0].toLowerCase());
  for (const h of ['strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy']) {
    assert.ok(headers.includes(h), `${h} is added`);
  }
});
