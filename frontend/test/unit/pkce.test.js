import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { base64UrlDecodeText, base64UrlEncode, codeChallengeS256, createCodeVerifier, randomToken } from '../../public/js/pkce.js';

describe('PKCE helpers', () => {
	it('computes the S256 challenge of RFC 7636 appendix B', async () => {
		assert.equal(
			await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		);
	});

	it('agrees with an independent SHA-256 for fresh verifiers', async () => {
		for (let i = 0; i < 5; i++) {
			const verifier = createCodeVerifier();
			assert.equal(await codeChallengeS256(verifier), createHash('sha256').update(verifier).digest('base64url'));
		}
	});

	it('makes verifiers of 43 unreserved characters, different every time', () => {
		const verifiers = new Set(Array.from({ length: 50 }, () => createCodeVerifier()));
		assert.equal(verifiers.size, 50);
		for (const verifier of verifiers) assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
	});

	it('encodes base64url without padding and decodes UTF-8 text', () => {
		assert.equal(base64UrlEncode(new Uint8Array([0xfb, 0xff, 0xfe])), '-__-');
		assert.equal(base64UrlDecodeText(Buffer.from('{"name":"Zoë"}').toString('base64url')), '{"name":"Zoë"}');
		assert.equal(randomToken(16).length, 22);
	});
});
