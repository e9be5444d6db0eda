/**
 * Every request: a request id, the interface language, security headers; and the one place
 * where unexpected errors are logged (without query strings or bodies: they may hold personal data).
 */
import { randomUUID } from 'node:crypto';
import { building } from '$app/env';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { isLang, negotiateLang, t } from '#lib/i18n/index.ts';
import { readPublicOrigin } from '#lib/server/config.ts';
import { getDatabase } from '#lib/server/db/client.ts';
import { describeError } from '#lib/server/http-errors.ts';
import { mapPageCsp } from '#lib/server/map/tiles.ts';
import { httpStatusOf, isAppError } from '#lib/server/shared/errors.ts';

/** A request id set by a trusted proxy is kept so logs line up; anything odd is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const LANG_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

// The CSP comes from vite.config.ts (kit.csp); these complete it.
const SECURITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'same-origin',
	'x-content-type-options': 'nosniff',
	'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
	'x-frame-options': 'DENY'
};

/** Opens the database when the server starts, so the first visitor does not wait for it. */
export const init: ServerInit = async () => {
	if (!building) await getDatabase();
};

export const handle: Handle = async ({ event, resolve }) => {
	const incomingId = event.request.headers.get('x-request-id');
	const requestId = incomingId && SAFE_REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
	event.locals.requestId = requestId;

	const chosen = event.url.searchParams.get('lang');
	if (isLang(chosen)) {
		event.cookies.set(LANG_COOKIE, chosen, {
			path: '/',
			maxAge: ONE_YEAR,
			sameSite: 'lax',
			httpOnly: true,
			// The public origin, not event.url: behind a proxy or on plain http the adapter guesses https.
			secure: readPublicOrigin().startsWith('https:')
		});
	}
	const lang = negotiateLang(
		isLang(chosen) ? chosen : event.cookies.get(LANG_COOKIE),
		event.request.headers.get('accept-language')
	);
	event.locals.lang = lang;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});

	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
		response.headers.set('x-request-id', requestId);
		const csp = mapPageCsp(event.route.id, response.headers.get('content-security-policy'));
		if (csp) response.headers.set('content-security-policy', csp);
		// Pages differ by the language chosen with the cookie or the browser's preference.
		if (response.headers.get('content-type')?.startsWith('text/html')) {
			response.headers.append('vary', 'Cookie, Accept-Language');
		}
	} catch {
		// A response with immutable headers (a proxied fetch) is passed on as it is.
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, kind }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const lang = event.locals.lang ?? 'it';

	// A domain error that a route did not translate still gets its proper status and message.
	if (kind === 'unknown' && isAppError(error)) {
		return { status: httpStatusOf[error.code], message: error.message, code: error.code, requestId };
	}
	if (kind === 'unknown') {
		const detail = describeError(error);
		// Only the path's route pattern, never the URL: its query string may hold what a person typed.
		console.error(
			JSON.stringify({
				level: 'error',
				time: new Date().toISOString(),
				requestId,
				method: event.request.method,
				route: event.route.id,
				error: detail
			})
		);
		return { status: 500, message: t(lang, 'error.server.title'), requestId };
	}
	if (kind === 'framework' && error.status === 404) {
		return { message: t(lang, 'error.notFound.title'), requestId };
	}
	return { requestId };
};
