import { readPublicOrigin } from '#lib/server/config.ts';
import { getDb } from '#lib/server/db/client.ts';
import { findSitemapEntries } from '#lib/server/directory/queries.ts';
import { findPlaceSitemapEntries } from '#lib/server/places/queries.ts';
import type { RequestHandler } from './$types';

const escapeXml = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function url(loc: string, lastmod?: Date): string {
	const modified = lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : '';
	return `<url><loc>${escapeXml(loc)}</loc>${modified}</url>`;
}

export const GET: RequestHandler = async () => {
	const origin = readPublicOrigin();
	const db = await getDb();
	const [entries, places] = await Promise.all([findSitemapEntries(db), findPlaceSitemapEntries(db)]);
	const urls = [
		url(`${origin}/`),
		url(`${origin}/aree`),
		...entries.areas.map((area) => url(`${origin}/aree/${encodeURIComponent(area)}`)),
		url(`${origin}/indice`),
		url(`${origin}/mappa`),
		url(`${origin}/api`),
		url(`${origin}/open-data`),
		...entries.keywords.map((slug) => url(`${origin}/indice/${encodeURIComponent(slug)}`)),
		url(`${origin}/municipi`),
		...places.municipi.map((n) => url(`${origin}/municipi/${n}`)),
		url(`${origin}/quartieri`),
		...places.nil.map((slug) => url(`${origin}/quartieri/${encodeURIComponent(slug)}`)),
		...entries.services.map((s) => url(`${origin}/servizi/${encodeURIComponent(s.slug)}`, s.updatedAt)),
		...entries.organizations.map((o) => url(`${origin}/enti/${encodeURIComponent(o.slug)}`, o.updatedAt))
	];
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
	return new Response(body, {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};
