/** The address of the server started by the global setup, for specs. */
import { inject } from 'vitest';

export function baseUrl(): string {
	const url = inject('baseUrl');
	if (!url) throw new Error('no baseUrl: run the e2e tier with `npm run test:e2e` (e2e/vitest.config.ts)');
	return url;
}

/** An absolute URL on the test server for a path like `/cerca?q=casa`. */
export function appUrl(pathAndQuery: string): string {
	return new URL(pathAndQuery, baseUrl()).toString();
}

export async function getJson(pathAndQuery: string): Promise<{ status: number; body: unknown; headers: Headers }> {
	const response = await fetch(appUrl(pathAndQuery));
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new Error(`GET ${pathAndQuery} answered ${response.status} with non-JSON: ${text.slice(0, 300)}`);
	}
	return { status: response.status, body, headers: response.headers };
}
