// OpenID Connect sign-in: authorisation-code flow with PKCE, no DOM access.
//
// The issuer and client id come from GET /api/v1/config; the endpoints from the issuer's discovery
// document. The state and nonce are checked on the way back; the id token is kept in
// `tokenStorage` (localStorage: shared by the tabs of the origin, so a new tab is signed in; see
// docs/decisions.md for the trade-off) and sent to the API as a Bearer token; what a sign-in under
// way remembers stays in the tab's sessionStorage. The backend, behind the gateway, reads its `sub` without checking the signature.

import { base64UrlDecodeText, codeChallengeS256, createCodeVerifier, randomToken } from './pkce.js';

export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/signed-out';

const TOKEN_KEY = 'todo.auth.idToken';
const REFRESH_KEY = 'todo.auth.refreshToken';
const PENDING_KEY = 'todo.auth.pending';
const CLOCK_SKEW_SECONDS = 30;

export class AuthError extends Error {
	constructor(message) {
		super(message);
		this.name = 'AuthError';
	}
}

/** The payload of a JWT (no signature check: that is the gateway's job). */
export function decodeJwtPayload(token) {
	const parts = typeof token === 'string' ? token.split('.') : [];
	if (parts.length !== 3) throw new AuthError('The sign-in answer is not a JWT.');
	try {
		const payload = JSON.parse(base64UrlDecodeText(parts[1]));
		if (!payload || typeof payload !== 'object') throw new Error('not an object');
		return payload;
	} catch {
		throw new AuthError('The sign-in answer could not be read.');
	}
}

/** True when the token has an `exp` in the past (with a little clock skew). */
export function isExpired(payload, nowSeconds) {
	return typeof payload.exp === 'number' && payload.exp + CLOCK_SKEW_SECONDS < nowSeconds;
}

/** Checks an id token's claims against the sign-in that asked for it. */
export function validateIdTokenClaims(payload, { issuer, clientId, nonce, nowSeconds }) {
	if (payload.iss !== issuer) throw new AuthError('The sign-in answer comes from another issuer.');
	const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
	if (!audiences.includes(clientId)) throw new AuthError('The sign-in answer is meant for another application.');
	if (payload.nonce !== nonce) throw new AuthError('The sign-in answer does not match this sign-in (nonce).');
	if (!payload.sub) throw new AuthError('The sign-in answer names no user.');
	if (isExpired(payload, nowSeconds)) throw new AuthError('The sign-in answer has already expired.');
}

/** Where the provider sends the browser back to. */
export function redirectUri(origin) {
	return origin + CALLBACK_PATH;
}

/**
 * @param {object} deps
 * @param {Storage} deps.storage sessionStorage: a sign-in under way (state, nonce, verifier)
 * @param {Storage} [deps.tokenStorage] where the id token is kept (default: storage)
 * @param {Function} deps.fetch
 * @param {string} deps.origin this app's origin
 * @param {() => number} [deps.now] milliseconds since the epoch
 */
export function createAuth({ storage, tokenStorage = storage, fetch = globalThis.fetch.bind(globalThis), origin, now = () => Date.now(), crypto = globalThis.crypto }) {
	const nowSeconds = () => Math.floor(now() / 1000);

	async function discover(issuer) {
		const url = issuer.replace(/\/$/, '') + '/.well-known/openid-configuration';
		let response;
		try {
			response = await fetch(url, { headers: { Accept: 'application/json' } });
		} catch {
			throw new AuthError('The sign-in service could not be reached.');
		}
		if (!response.ok) throw new AuthError(`The sign-in service answered ${response.status}.`);
		const document = await response.json();
		if (!document.authorization_endpoint || !document.token_endpoint) {
			throw new AuthError('The sign-in service describes no authorisation or token endpoint.');
		}
		return document;
	}

	return {
		/** The id token if there is one that has not expired, else null. */
		token() {
			const token = tokenStorage.getItem(TOKEN_KEY);
			if (!token) return null;
			try {
				return isExpired(decodeJwtPayload(token), nowSeconds()) ? null : token;
			} catch {
				return null;
			}
		},

		/** The claims of the token kept, expired or not (an offline start), or null. */
		storedClaims() {
			try {
				return decodeJwtPayload(tokenStorage.getItem(TOKEN_KEY));
			} catch {
				return null;
			}
		},

		/** The token kept, expired or not: offline, it is all there is; the server says when it no longer does. */
		storedToken() {
			return this.storedClaims() ? tokenStorage.getItem(TOKEN_KEY) : null;
		},

		/** The claims of the current token, or null. */
		claims() {
			const token = this.token();
			return token ? decodeJwtPayload(token) : null;
		},

		/** Forgets the token (a 401/403 from the API, or sign-out). */
		forget() {
			tokenStorage.removeItem(TOKEN_KEY);
			tokenStorage.removeItem(REFRESH_KEY);
		},

		/**
		 * Starts a sign-in: remembers state, nonce and verifier, and returns the provider's
		 * authorisation URL to navigate to. `returnTo` is where to land afterwards (path + hash).
		 */
		async authorizationUrl({ issuer, clientId, scope = 'openid profile email', returnTo = '/' }) {
			const discovery = await discover(issuer);
			const state = randomToken(32, crypto);
			const nonce = randomToken(32, crypto);
			const verifier = createCodeVerifier(crypto);
			storage.setItem(
				PENDING_KEY,
				JSON.stringify({ state, nonce, verifier, issuer, clientId, returnTo, tokenEndpoint: discovery.token_endpoint }),
			);
			const url = new URL(discovery.authorization_endpoint);
			url.searchParams.set('response_type', 'code');
			url.searchParams.set('client_id', clientId);
			url.searchParams.set('redirect_uri', redirectUri(origin));
			url.searchParams.set('scope', scope);
			url.searchParams.set('state', state);
			url.searchParams.set('nonce', nonce);
			url.searchParams.set('code_challenge', await codeChallengeS256(verifier, crypto));
			url.searchParams.set('code_challenge_method', 'S256');
			return url.toString();
		},

		/**
		 * Finishes a sign-in on the callback URL: checks the state, trades the code for tokens with the
		 * verifier, checks the id token's issuer, audience and nonce, keeps it. Returns `returnTo`.
		 */
		async completeSignIn(callbackUrl) {
			const params = new URL(callbackUrl).searchParams;
			const pendingText = storage.getItem(PENDING_KEY);
			storage.removeItem(PENDING_KEY);
			if (!pendingText) throw new AuthError('No sign-in was started in this tab.');
			const pending = JSON.parse(pendingText);
			if (params.get('error')) {
				throw new AuthError(`The sign-in was refused: ${params.get('error_description') || params.get('error')}.`);
			}
			if (!params.get('state') || params.get('state') !== pending.state) {
				throw new AuthError('The sign-in answer does not match this sign-in (state).');
			}
			const code = params.get('code');
			if (!code) throw new AuthError('The sign-in answer carries no code.');
			const body = new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: redirectUri(origin),
				client_id: pending.clientId,
				code_verifier: pending.verifier,
			});
			let response;
			try {
				response = await fetch(pending.tokenEndpoint, {
					method: 'POST',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
					body: body.toString(),
				});
			} catch {
				throw new AuthError('The sign-in service could not be reached.');
			}
			if (!response.ok) throw new AuthError(`The sign-in service refused the code (${response.status}).`);
			const tokens = await response.json();
			const payload = decodeJwtPayload(tokens.id_token);
			validateIdTokenClaims(payload, {
				issuer: pending.issuer,
				clientId: pending.clientId,
				nonce: pending.nonce,
				nowSeconds: nowSeconds(),
			});
			tokenStorage.setItem(TOKEN_KEY, tokens.id_token);
			if (tokens.refresh_token) tokenStorage.setItem(REFRESH_KEY, tokens.refresh_token);
			return pending.returnTo || '/';
		},

		/**
		 * Signs in without the user (an expired or refused token, a new tab): trades the refresh token
		 * the provider gave for a new id token of the same user. False when there is none or the
		 * provider refuses it (its session ended): then the user signs in once more.
		 */
		async renew({ issuer, clientId }) {
			const refreshToken = tokenStorage.getItem(REFRESH_KEY);
			const previous = this.storedClaims();
			if (!refreshToken || !previous) return false;
			try {
				const discovery = await discover(issuer);
				const response = await fetch(discovery.token_endpoint, {
					method: 'POST',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
					body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }).toString(),
				});
				if (!response.ok) throw new AuthError(`refused (${response.status})`);
				const tokens = await response.json();
				const payload = decodeJwtPayload(tokens.id_token);
				validateIdTokenClaims(payload, { issuer, clientId, nonce: payload.nonce, nowSeconds: nowSeconds() });
				if (payload.sub !== previous.sub) throw new AuthError('another user');
				tokenStorage.setItem(TOKEN_KEY, tokens.id_token);
				if (tokens.refresh_token) tokenStorage.setItem(REFRESH_KEY, tokens.refresh_token);
				return true;
			} catch {
				tokenStorage.removeItem(REFRESH_KEY);
				return false;
			}
		},

		/**
		 * Signs out: forgets the token and returns where to go: the provider's end-session endpoint
		 * (which comes back to the signed-out page) when it has one, else the signed-out page.
		 */
		async signOutUrl({ issuer }) {
			const idToken = tokenStorage.getItem(TOKEN_KEY);
			this.forget();
			const signedOut = origin + SIGNED_OUT_PATH;
			try {
				const discovery = await discover(issuer);
				if (!discovery.end_session_endpoint) return signedOut;
				const url = new URL(discovery.end_session_endpoint);
				if (idToken) url.searchParams.set('id_token_hint', idToken);
				url.searchParams.set('post_logout_redirect_uri', signedOut);
				return url.toString();
			} catch {
				return signedOut;
			}
		},
	};
}
