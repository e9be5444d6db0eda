import { readPublicOrigin } from '#lib/server/config.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	new Response(`User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${readPublicOrigin()}/sitemap.xml\n`, {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' }
	});
