/** GET /api/map: the places of a search (the parameters of /api/search) in a view, as GeoJSON. */
import { getDb } from '#lib/server/db/client.ts';
import { parseMapParams } from '#lib/server/map/inputs.ts';
import { findMapFeatures } from '#lib/server/map/map-features.ts';
import { invalidInput } from '#lib/server/search/api-response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseMapParams(url.searchParams);
	if (!parsed.ok) {
		return Response.json(invalidInput(parsed.error.field, parsed.error.message), { status: 400 });
	}
	const features = await findMapFeatures(await getDb(), parsed.params);
	return Response.json(features, {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=60' }
	});
};
