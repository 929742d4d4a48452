// The caller's own account (shared api.md, part 2: "Export and erasure"), on the request function
// of the API client (api.js), which adds the token, the request id and the error envelope.

const ZIP_OR_ERROR = 'application/zip, application/json';

/**
 * The file name a Content-Disposition header gives: the exact `filename*=UTF-8''…` when present,
 * else the quoted or bare `filename`, else the fallback. Only the last path segment is kept.
 */
export function fileNameFromDisposition(header, fallback = 'todo-export.zip') {
	if (!header) return fallback;
	let name = null;
	const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
	if (extended) {
		try {
			name = decodeURIComponent(extended[1].trim());
		} catch {
			name = null;
		}
	}
	if (!name) {
		const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
		if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
	}
	const segment = name ? name.split(/[/\\]/).pop().trim() : '';
	return segment || fallback;
}

/** @param send (method, path, {raw, accept}) => Response | {data} */
export function accountRoutes(send) {
	return {
		/** Everything the caller owns as a zip: {blob, filename} (the name from Content-Disposition). */
		async exportAccount() {
			const response = await send('GET', '/api/v1/me/export', { raw: true, accept: ZIP_OR_ERROR });
			return { blob: await response.blob(), filename: fileNameFromDisposition(response.headers.get('Content-Disposition')) };
		},

		/** Erases the caller's account for good; confirm must be their own user id. */
		async eraseAccount(confirm) {
			await send('DELETE', `/api/v1/me?confirm=${encodeURIComponent(confirm)}`);
		},
	};
}
