/** GET /mappa/municipi.geojson: the outlines of the nine municipi the map draws. */
import { municipiOutline } from '#lib/server/map/municipi-outline.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	new Response(JSON.stringify(municipiOutline()), {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=86400' }
	});
