// Proof Key for Code Exchange (RFC 7636) and the random values of the sign-in: no DOM, Web Crypto only.

/** Base64url without padding (RFC 4648 §5) of bytes. */
export function base64UrlEncode(bytes) {
	let binary = '';
	for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional) into a string of UTF-8 text. */
export function base64UrlDecodeText(text) {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder().decode(bytes);
}

/** A random value of `byteCount` bytes, base64url: 32 bytes give 43 characters. */
export function randomToken(byteCount = 32, crypto = globalThis.crypto) {
	const bytes = new Uint8Array(byteCount);
	crypto.getRandomValues(bytes);
	return base64UrlEncode(bytes);
}

/** A code verifier: 43 characters of the unreserved set, 256 bits of entropy. */
export function createCodeVerifier(crypto = globalThis.crypto) {
	return randomToken(32, crypto);
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallengeS256(verifier, crypto = globalThis.crypto) {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return base64UrlEncode(digest);
}
