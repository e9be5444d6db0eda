/**
 * HTTP for the open, read-only HSDS API: JSON bodies with a strong ETag (a hash of the body)
 * and Last-Modified (the latest change of what the body holds), conditional GET
 * (If-None-Match, else If-Modified-Since → 304), CORS open to every origin for GET, and
 * errors as JSON in the shape of /api/search's (`{ error: { code, message, field } }`).
 */
import { createHash } from 'node:crypto';
import { httpStatusOf, isAppError, type ErrorCode } from '../shared/errors.ts';
import { isHsdsId, type HsdsInputError, type Parsed } from './inputs.ts';
import type { Served } from './queries.ts';

const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	// ETag is not a CORS-safelisted response header: a browser client needs it exposed to revalidate
	'access-control-expose-headers': 'ETag, Last-Modified'
};
const CACHE_CONTROL = 'public, max-age=60';

/** The answer to a CORS preflight (OPTIONS) on any HSDS endpoint. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS_HEADERS,
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'Accept, If-None-Match, If-Modified-Since',
			'access-control-max-age': '86400',
			allow: 'GET, HEAD, OPTIONS'
		}
	});
}

export function jsonError(code: ErrorCode, message: string, field?: string): Response {
	return Response.json(
		{ error: { code, message, ...(field ? { field } : {}) } },
		{ status: httpStatusOf[code], headers: CORS_HEADERS }
	);
}

export const invalidParameter = (error: HsdsInputError) => jsonError('INVALID_INPUT', error.message, error.field);

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Whether the client's copy is current: If-None-Match decides when present (RFC 9110 §13.2.2). */
function isNotModified(request: Request, etag: string, lastModified: Date | null): boolean {
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch !== null) {
		return ifNoneMatch
			.split(',')
			.map((tag) => tag.trim().replace(/^W\//, ''))
			.some((tag) => tag === '*' || tag === etag);
	}
	const ifModifiedSince = request.headers.get('if-modified-since');
	if (ifModifiedSince === null || lastModified === null) return false;
	const since = Date.parse(ifModifiedSince);
	// HTTP dates have whole seconds
	return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** A 200 with the body and its validators, or a 304 when the client's copy is current. */
export function conditionalJson(request: Request, served: Served<unknown>): Response {
	const body = JSON.stringify(served.body);
	const etag = etagOf(body);
	const headers: Record<string, string> = { ...CORS_HEADERS, etag, 'cache-control': CACHE_CONTROL };
	if (served.lastModified) headers['last-modified'] = served.lastModified.toUTCString();
	if (isNotModified(request, etag, served.lastModified)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}

/**
 * One HSDS GET: parameters parsed (400 on a bad one), the read run, the result served with its
 * validators; a domain error (NOT_FOUND) becomes its JSON error. Anything else is a real failure
 * and goes on to the app's error handler.
 */
export async function serveHsds<P>(
	request: Request,
	parsed: Parsed<P>,
	read: (params: P) => Promise<Served<unknown>>
): Promise<Response> {
	if (!parsed.ok) return invalidParameter(parsed.error);
	try {
		return conditionalJson(request, await read(parsed.value));
	} catch (error) {
		if (isAppError(error)) return jsonError(error.code, error.message, error.field);
		throw error;
	}
}

/** One HSDS record by id: an id that cannot be one of ours is unknown (404), like a missing one. */
export async function serveHsdsRecord<P = Record<string, never>>(
	request: Request,
	id: string,
	read: (id: string, params: P) => Promise<Served<unknown>>,
	parsed: Parsed<P> = { ok: true, value: {} as P }
): Promise<Response> {
	if (!isHsdsId(id)) return jsonError('NOT_FOUND', 'Nessun record con questo id: gli id sono UUID.', 'id');
	return serveHsds(request, parsed, (params) => read(id.toLowerCase(), params));
}
