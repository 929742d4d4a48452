// The scheduled JWKS check (infra/jwks/check-jwks.mjs) against a local stand-in of the identity
// provider: discovery document and JWKS over HTTP on loopback, the deployed keys as Terraform passes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { infraDir } from '../lib/paths.mjs';
import { compare, signingKeys } from '../../jwks/check-jwks.mjs';

const script = path.join(infraDir, 'jwks', 'check-jwks.mjs');
const key = (kid) => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, pem: publicKey.export({ type: 'spki', format: 'pem' }), jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
};
const [current, next] = [key('key-1'), key('key-2')];
const deployed = (...keys) => keys.map((k) => ({ kid: k.kid, public_key_pem: k.pem }));

let server;
let issuer;
let published = [current];
before(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/realms/todo/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/certs` }));
    } else if (req.url === '/realms/todo/certs') {
      res.end(JSON.stringify({ keys: [...published.map((k) => k.jwk), { kty: 'EC', kid: 'ec', use: 'sig' }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${server.address().port}/realms/todo`;
});
after(() => server.close());

function check(keys) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, OIDC_ISSUER: issuer, DEPLOYED_KEYS_JSON: JSON.stringify(deployed(...keys)) },
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('close', (status) => resolve({ status, lines: out.trim().split('\n').map((l) => JSON.parse(l)) }));
  });
}

test('compare: keys missing from Kong, withdrawn by the provider, or changed under the same kid', () => {
  const published = signingKeys({ keys: [current.jwk, next.jwk] });
  assert.deepEqual(compare(deployed(current, next), published), { missing: [], withdrawn: [], changed: [] });
  assert.deepEqual(compare(deployed(current), published).missing, ['key-2']);
  assert.deepEqual(compare(deployed(current, next), signingKeys({ keys: [next.jwk] })).withdrawn, ['key-1']);
  assert.deepEqual(compare([{ kid: 'key-1', public_key_pem: next.pem }], signingKeys({ keys: [current.jwk] })).changed, ['key-1']);
  assert.equal(signingKeys({ keys: [{ ...next.jwk, use: 'enc' }, { ...next.jwk, alg: 'RS512' }] }).size, 0, 'only RS256 signing keys count');
});

test('the job logs INFO and exits 0 when Kong holds exactly the published keys', async () => {
  published = [current];
  const { status, lines } = await check([current]);
  assert.equal(status, 0);
  assert.equal(lines[0].severity, 'INFO');
});

test('the job logs one ERROR line and exits 1 when the provider publishes a key Kong lacks', async () => {
  published = [current, next];
  const { status, lines } = await check([current]);
  assert.equal(status, 1);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].severity, 'ERROR');
  assert.equal(lines[0].check, 'jwks');
  assert.deepEqual(lines[0].missing, ['key-2']);
});

test('the job fails loudly when the provider cannot be read', async () => {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, OIDC_ISSUER: `${issuer}/nowhere`, DEPLOYED_KEYS_JSON: '[]' },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const status = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(status, 1);
  assert.equal(JSON.parse(out).severity, 'ERROR');
});
