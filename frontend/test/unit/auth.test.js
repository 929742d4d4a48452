import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthError, createAuth, decodeJwtPayload, validateIdTokenClaims } from '../../public/js/auth.js';
import { codeChallengeS256 } from '../../public/js/pkce.js';
import { MemoryStorage, json, jwt, stubFetch } from './helpers.js';

const ISSUER = 'http://localhost:8081/todo';
const NOW = Date.parse('2026-01-15T10:30:00Z');
const DISCOVERY = {
	issuer: ISSUER,
	authorization_endpoint: `${ISSUER}/authorize`,
	token_endpoint: `${ISSUER}/token`,
	end_session_endpoint: `${ISSUER}/endsession`,
};

function setup(...answers) {
	const storage = new MemoryStorage();
	const fetch = stubFetch(...answers);
	const auth = createAuth({ storage, fetch, origin: 'http://localhost:8080', now: () => NOW });
	return { auth, storage, fetch };
}

async function startSignIn(auth) {
	const url = new URL(await auth.authorizationUrl({ issuer: ISSUER, clientId: 'todo-web', scope: 'openid profile email', returnTo: '/#/active' }));
	return url;
}

describe('OIDC sign-in', () => {
	it('sends the browser to the discovered authorisation endpoint with PKCE, state and nonce', async () => {
		const { auth, storage, fetch } = setup(json(200, DISCOVERY));

		const url = await startSignIn(auth);

		assert.equal(fetch.calls[0].url, `${ISSUER}/.well-known/openid-configuration`);
		assert.equal(url.origin + url.pathname, `${ISSUER}/authorize`);
		const p = url.searchParams;
		assert.equal(p.get('response_type'), 'code');
		assert.equal(p.get('client_id'), 'todo-web');
		assert.equal(p.get('redirect_uri'), 'http://localhost:8080/auth/callback');
		assert.equal(p.get('scope'), 'openid profile email');
		assert.equal(p.get('code_challenge_method'), 'S256');
		const pending = JSON.parse(storage.getItem('todo.auth.pending'));
		assert.equal(p.get('state'), pending.state);
		assert.equal(p.get('nonce'), pending.nonce);
		assert.equal(p.get('code_challenge'), await codeChallengeS256(pending.verifier));
	});

	it('trades the code with the verifier, checks the id token and keeps it in the given storage', async () => {
		const { auth, storage, fetch } = setup(json(200, DISCOVERY));
		const url = await startSignIn(auth);
		const pending = JSON.parse(storage.getItem('todo.auth.pending'));
		const idToken = jwt({ iss: ISSUER, aud: 'todo-web', sub: 'alice', nonce: pending.nonce, exp: NOW / 1000 + 3600 });
		fetch.calls.length = 0;
		const tokenFetch = stubFetch(json(200, { id_token: idToken, token_type: 'Bearer' }));
		const auth2 = createAuth({ storage, fetch: tokenFetch, origin: 'http://localhost:8080', now: () => NOW });

		const returnTo = await auth2.completeSignIn(`http://localhost:8080/auth/callback?code=the-code&state=${url.searchParams.get('state')}`);

		assert.equal(returnTo, '/#/active');
		assert.equal(auth2.token(), idToken);
		assert.equal(auth2.claims().sub, 'alice');
		assert.equal(storage.getItem('todo.auth.pending'), null, 'a state is used once');
		const call = tokenFetch.calls[0];
		assert.equal(call.url, `${ISSUER}/token`);
		const form = new URLSearchParams(call.body);
		assert.equal(form.get('grant_type'), 'authorization_code');
		assert.equal(form.get('code'), 'the-code');
		assert.equal(form.get('code_verifier'), pending.verifier);
		assert.equal(form.get('redirect_uri'), 'http://localhost:8080/auth/callback');
		assert.equal(form.get('client_id'), 'todo-web');
	});

	it('refuses an answer whose state does not match, without calling the token endpoint', async () => {
		const { auth, fetch } = setup(json(200, DISCOVERY));
		await startSignIn(auth);

		await assert.rejects(auth.completeSignIn('http://localhost:8080/auth/callback?code=c&state=forged'), /state/);
		assert.equal(fetch.calls.length, 1, 'only the discovery document was fetched');
		assert.equal(auth.token(), null);
	});

	it('refuses an id token with another nonce', async () => {
		const { auth, storage } = setup(json(200, DISCOVERY));
		const url = await startSignIn(auth);
		const state = url.searchParams.get('state');
		const idToken = jwt({ iss: ISSUER, aud: 'todo-web', sub: 'alice', nonce: 'replayed', exp: NOW / 1000 + 3600 });
		const auth2 = createAuth({ storage, fetch: stubFetch(json(200, { id_token: idToken })), origin: 'http://localhost:8080', now: () => NOW });

		await assert.rejects(auth2.completeSignIn(`http://localhost:8080/auth/callback?code=c&state=${state}`), /nonce/);
		assert.equal(auth2.token(), null);
	});

	it('refuses a callback when no sign-in was started in this tab', async () => {
		const { auth } = setup();
		await assert.rejects(auth.completeSignIn('http://localhost:8080/auth/callback?code=c&state=s'), AuthError);
	});

	it('reports an error answer from the provider', async () => {
		const { auth } = setup(json(200, DISCOVERY));
		const url = await startSignIn(auth);
		await assert.rejects(
			auth.completeSignIn(`http://localhost:8080/auth/callback?error=access_denied&state=${url.searchParams.get('state')}`),
			/access_denied/,
		);
	});

	it('treats an expired token as none', () => {
		const storage = new MemoryStorage();
		storage.setItem('todo.auth.idToken', jwt({ sub: 'alice', exp: NOW / 1000 - 3600 }));
		const auth = createAuth({ storage, fetch: stubFetch(), origin: 'http://localhost:8080', now: () => NOW });
		assert.equal(auth.token(), null);
	});

	it('signs out through the end-session endpoint back to the signed-out page, forgetting the token', async () => {
		const { auth, storage } = setup(json(200, DISCOVERY));
		storage.setItem('todo.auth.idToken', jwt({ sub: 'alice' }));

		const url = new URL(await auth.signOutUrl({ issuer: ISSUER }));

		assert.equal(url.origin + url.pathname, `${ISSUER}/endsession`);
		assert.equal(url.searchParams.get('post_logout_redirect_uri'), 'http://localhost:8080/signed-out');
		assert.equal(storage.getItem('todo.auth.idToken'), null);
	});

	it('signs out locally when the provider cannot be reached', async () => {
		const { auth } = setup(new TypeError('offline'));
		assert.equal(await auth.signOutUrl({ issuer: ISSUER }), 'http://localhost:8080/signed-out');
	});
});

describe('id token claims', () => {
	const good = { iss: ISSUER, aud: ['other', 'todo-web'], sub: 'alice', nonce: 'n', exp: 2_000_000_000 };
	const expect = { issuer: ISSUER, clientId: 'todo-web', nonce: 'n', nowSeconds: 1_900_000_000 };

	it('accepts the expected issuer, an audience list holding the client, the nonce', () => {
		validateIdTokenClaims(good, expect);
	});

	it('refuses another issuer, audience, a missing sub or an expired token', () => {
		assert.throws(() => validateIdTokenClaims({ ...good, iss: 'http://evil' }, expect), /issuer/);
		assert.throws(() => validateIdTokenClaims({ ...good, aud: 'other' }, expect), /another application/);
		assert.throws(() => validateIdTokenClaims({ ...good, sub: '' }, expect), /no user/);
		assert.throws(() => validateIdTokenClaims({ ...good, exp: 1_000 }, expect), /expired/);
	});

	it('decodes a JWT payload and refuses what is not one', () => {
		assert.equal(decodeJwtPayload(jwt({ sub: 'zoë' })).sub, 'zoë');
		assert.throws(() => decodeJwtPayload('not-a-jwt'), AuthError);
		assert.throws(() => decodeJwtPayload('a.b.c'), AuthError);
	});
});

describe('silent renewal', () => {
	const claims = (fields = {}) => ({ iss: ISSUER, aud: 'todo-web', sub: 'alice', exp: NOW / 1000 + 3600, ...fields });

	it('trades the refresh token for a new id token of the same user, without the form', async () => {
		const renewed = jwt(claims());
		const { auth, storage, fetch } = setup(json(200, DISCOVERY), json(200, { id_token: renewed, refresh_token: 'r2' }));
		storage.setItem('todo.auth.idToken', jwt(claims({ exp: NOW / 1000 - 3600 })));
		storage.setItem('todo.auth.refreshToken', 'r1');
		assert.equal(auth.token(), null, 'expired');

		assert.equal(await auth.renew({ issuer: ISSUER, clientId: 'todo-web' }), true);
		assert.equal(auth.token(), renewed);
		assert.equal(storage.getItem('todo.auth.refreshToken'), 'r2');
		assert.match(fetch.calls[1].body, /grant_type=refresh_token&refresh_token=r1&client_id=todo-web/);
	});

	it('gives up (sign in once more) when there is no refresh token, the provider refuses it, or it names another user', async () => {
		const none = setup();
		assert.equal(await none.auth.renew({ issuer: ISSUER, clientId: 'todo-web' }), false);

		const refused = setup(json(200, DISCOVERY), json(400, { error: 'invalid_grant' }));
		refused.storage.setItem('todo.auth.idToken', jwt(claims()));
		refused.storage.setItem('todo.auth.refreshToken', 'r1');
		assert.equal(await refused.auth.renew({ issuer: ISSUER, clientId: 'todo-web' }), false);
		assert.equal(refused.storage.getItem('todo.auth.refreshToken'), null, 'not tried again');

		const other = setup(json(200, DISCOVERY), json(200, { id_token: jwt(claims({ sub: 'mallory' })) }));
		other.storage.setItem('todo.auth.idToken', jwt(claims()));
		other.storage.setItem('todo.auth.refreshToken', 'r1');
		assert.equal(await other.auth.renew({ issuer: ISSUER, clientId: 'todo-web' }), false);
		assert.equal(decodeJwtPayload(other.storage.getItem('todo.auth.idToken')).sub, 'alice');
	});
});
