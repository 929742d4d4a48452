// Talking to the service outside wrk: a free port, a bearer token, one request.
import http from 'node:http';
import net from 'node:net';

/** The given port, or one the kernel says is free on loopback. */
export function freePort(fixed = 0) {
  if (fixed) return Promise.resolve(fixed);
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function b64url(s) {
  return Buffer.from(s).toString('base64url');
}

/** An unsigned JWT for sub: the service decodes the token and does not verify it (the gateway does). */
export function token(sub) {
  return `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ sub, name: sub }))}.`;
}

/** {status, headers, body}; {status: 0, error} when the request failed. Never rejects. */
export function request(port, method, urlPath, { sub, body, headers = {}, timeout = 5000 } = {}) {
  return new Promise((resolve) => {
    const h = { ...headers, connection: 'close' };
    if (sub) h.authorization = `Bearer ${token(sub)}`;
    if (body != null && !h['content-type']) h['content-type'] = 'application/json';
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: h, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', (e) => resolve({ status: 0, error: e.code || String(e) }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (body != null) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}
