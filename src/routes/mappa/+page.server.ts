/**
 * /mappa: the search of /cerca (the same parameters, the same engine, the same list) with the
 * map of its places beside the list. The map itself is drawn in the browser from /api/map.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/db/client.ts';
import { MILAN_EXTENT } from '#lib/server/map/inputs.ts';
import { tilesForPage } from '#lib/server/map/tiles.ts';
import { mapApiQuery, onMap } from '#lib/components/map/map-url.ts';
import { loadSearchPage } from '../cerca/search-page.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const result = await loadSearchPage(await getDb(), url.searchParams, { lang: locals.lang, now: new Date() });
	if (!result.ok) error(400, result.message, { code: 'INVALID_INPUT', field: result.field });
	const data = result.data;
	const e = MILAN_EXTENT;
	return {
		...data,
		// the links of the list (remove a filter, "did you mean") stay on the map
		search: data.search && {
			...data.search,
			active: data.search.active.map((a) => ({ ...a, removeHref: onMap(a.removeHref) }))
		},
		map: {
			query: mapApiQuery(data.params),
			tiles: tilesForPage(),
			extent: [e.west, e.south, e.east, e.north] as [number, number, number, number]
		}
	};
};
