// Compares the identity provider's published signing keys (its JWKS) with the keys Kong was deployed
// with (var.jwt_signing_keys), because Kong cannot fetch them itself (no internet from its VPC).
// Run hourly by the Cloud Run job todo-jwks-check (infra/terraform/jobs.tf); a difference is logged
// as one JSON line with severity ERROR and exits 1, which the alert "JWKS differs from Kong's keys"
// reports. Environment: OIDC_ISSUER, DEPLOYED_KEYS_JSON ([{ "kid", "public_key_pem" }]).
// Node 20+, no dependencies.
import { createPublicKey } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** The RSA public key's modulus and exponent: one text for a JWK or a PEM of the same key. */
function keyId(key) {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return `${jwk.n}.${jwk.e}`;
}

/** kid → key of the JWKS entries Kong could use: RSA keys for signatures (RS256 or no alg given). */
export function signingKeys(jwks) {
  const keys = new Map();
  for (const k of jwks.keys ?? []) {
    if (k.kty !== 'RSA' || (k.use && k.use !== 'sig') || (k.alg && k.alg !== 'RS256') || !k.kid) continue;
    keys.set(k.kid, keyId({ key: k, format: 'jwk' }));
  }
  return keys;
}

/** What Kong lacks (published, not deployed), still trusts (deployed, no longer published), or holds differently. */
export function compare(deployed, published) {
  const mine = new Map(deployed.map((k) => [k.kid, keyId(k.public_key_pem)]));
  return {
    missing: [...published.keys()].filter((kid) => !mine.has(kid)),
    withdrawn: [...mine.keys()].filter((kid) => !published.has(kid)),
    changed: [...mine.keys()].filter((kid) => published.has(kid) && published.get(kid) !== mine.get(kid)),
  };
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export async function publishedKeys(issuer) {
  const discovery = await getJson(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  return signingKeys(await getJson(discovery.jwks_uri));
}

const log = (severity, message, fields = {}) => console.log(JSON.stringify({ severity, message, check: 'jwks', ...fields }));

async function main() {
  const issuer = process.env.OIDC_ISSUER;
  const deployed = JSON.parse(process.env.DEPLOYED_KEYS_JSON ?? '[]');
  try {
    const diff = compare(deployed, await publishedKeys(issuer));
    if (diff.missing.length + diff.withdrawn.length + diff.changed.length === 0) {
      log('INFO', `Kong's ${deployed.length} signing key(s) match the JWKS of ${issuer}`);
      return 0;
    }
    log('ERROR', `jwks drift: Kong's signing keys differ from the JWKS of ${issuer} (infra/README.md, key rotation)`, diff);
  } catch (error) {
    log('ERROR', `jwks check failed: ${error.message}`, { issuer });
  }
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
