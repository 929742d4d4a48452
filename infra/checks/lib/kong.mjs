// Renders infra/kong/kong.yml the way Terraform's templatefile() does for this file (every
// placeholder is a bare name standing for one JSON value), then parses it as YAML.
import { readFile } from 'node:fs/promises';
import { generateKeyPairSync } from 'node:crypto';
import { load as loadYaml } from 'js-yaml';
import { kongFile } from './paths.mjs';

const PLACEHOLDER = /\$\{([^}]*)\}/g;

export async function kongTemplate() {
  return readFile(kongFile, 'utf8');
}

/** The placeholder names in the template, in order of first appearance. */
export function placeholders(template) {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function render(template, values) {
  return template.replace(PLACEHOLDER, (_, name) => {
    if (!(name in values)) throw new Error(`no value for placeholder ${name}`);
    return JSON.stringify(values[name]);
  });
}

function publicKeyPem() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).trim();
}

/** Values shaped like those kong.tf passes (two signing keys: the rotation case). */
export function sampleValues() {
  const keys = [
    { kid: 'key-2026-10', pem: publicKeyPem() },
    { kid: 'key-2026-11', pem: publicKeyPem() },
  ];
  return {
    backend_url_json: 'https://todo-backend-abc123-ew.a.run.app',
    backend_audience_json: 'https://todo-backend-abc123-ew.a.run.app',
    oidc_issuer_json: 'https://accounts.example.com/realms/todo',
    jwt_audience_json: 'todo-web',
    rate_limit_second_json: 100,
    content_security_policy_header_json: "Content-Security-Policy:default-src 'self'; frame-ancestors 'none'",
    jwt_secrets_json: keys.map((k) => ({
      key: k.kid,
      algorithm: 'RS256',
      rsa_public_key: k.pem,
      secret: `unused-for-rs256-${k.kid}`,
    })),
  };
}

export async function renderedKong(values = sampleValues()) {
  const text = render(await kongTemplate(), values);
  return { text, config: loadYaml(text), values };
}

/** Every plugin with where it is attached: global, service, route or consumer. */
export function allPlugins(config) {
  const out = [];
  for (const p of config.plugins ?? []) out.push({ scope: 'global', plugin: p });
  for (const s of config.services ?? []) {
    for (const p of s.plugins ?? []) out.push({ scope: `service ${s.name}`, plugin: p, service: s });
    for (const r of s.routes ?? []) {
      for (const p of r.plugins ?? []) out.push({ scope: `route ${r.name}`, plugin: p, service: s, route: r });
    }
  }
  for (const r of config.routes ?? []) for (const p of r.plugins ?? []) out.push({ scope: `route ${r.name}`, plugin: p, route: r });
  for (const c of config.consumers ?? []) for (const p of c.plugins ?? []) out.push({ scope: `consumer ${c.username}`, plugin: p });
  return out;
}

/** Every route with the service it belongs to. */
export function allRoutes(config) {
  const out = [];
  for (const s of config.services ?? []) for (const r of s.routes ?? []) out.push({ route: r, service: s });
  for (const r of config.routes ?? []) out.push({ route: r, service: (config.services ?? []).find((s) => s.name === r.service) });
  return out;
}

/** Plugins that run for a route: its own, its service's and the global ones (same name: most specific wins). */
export function effectivePlugins(config, route, service) {
  const byName = new Map();
  for (const p of config.plugins ?? []) byName.set(p.name, p);
  for (const p of service?.plugins ?? []) byName.set(p.name, p);
  for (const p of route.plugins ?? []) byName.set(p.name, p);
  return byName;
}

/**
 * A request path as Kong 3's router normalises it before matching (RFC 3986 section 6: percent-encoded
 * unreserved characters decoded, dot segments removed) with repeated slashes merged. An escaped
 * slash (%2F) stays escaped: it is data, not a separator.
 */
export function normalizePath(path) {
  const decoded = path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : escape.toUpperCase();
  });
  const out = [];
  for (const segment of decoded.replace(/\/{2,}/g, '/').split('/').slice(1)) {
    if (segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const last = decoded.split('/').at(-1);
  return '/' + out.join('/') + (last === '.' || last === '..' ? '/' : '');
}

/**
 * Which route Kong's router picks for a method and path, following its documented priorities for
 * prefix paths: a route that defines more kinds of matching rules (paths, methods, hosts, headers)
 * wins over one with fewer, then the longest matching path prefix wins.
 */
export function matchRoute(config, method, path) {
  const candidates = [];
  for (const { route, service } of allRoutes(config)) {
    if (route.hosts?.length || route.headers) continue; // requests here carry no host/header rules
    if (route.methods?.length && !route.methods.includes(method)) continue;
    const prefixes = (route.paths ?? []).filter((p) => !p.startsWith('~'));
    const matching = prefixes.filter((p) => path.startsWith(p));
    if (route.paths?.length && matching.length === 0) continue;
    const kinds = ['paths', 'methods', 'hosts', 'headers', 'snis', 'sources', 'destinations'].filter((k) => {
      const v = route[k];
      return Array.isArray(v) ? v.length > 0 : v && Object.keys(v).length > 0;
    }).length;
    candidates.push({ route, service, kinds, length: Math.max(0, ...matching.map((p) => p.length)) });
  }
  candidates.sort((a, b) => b.kinds - a.kinds || b.length - a.length);
  return candidates[0] ?? null;
}
