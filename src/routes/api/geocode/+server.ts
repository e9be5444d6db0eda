/** GET /api/geocode?q=via padova 36: places in Milan for a typed address, NIL or municipio. */
import { geocodeText, type GeocodeResult } from '#lib/server/geo/geocoder.ts';
import { parseGeocodeQuery } from '#lib/server/geo/inputs.ts';
import { invalidInput } from '#lib/server/search/api-response.ts';
import type { RequestHandler } from './$types';

const toJson = (r: GeocodeResult) => ({
	label: r.label,
	lat: r.lat,
	lon: r.lon,
	municipio: r.municipio,
	nil_id: r.nilId,
	postal_code: r.postalCode,
	precision: r.precision
});

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseGeocodeQuery(url.searchParams);
	if (!parsed.ok) return Response.json(invalidInput(parsed.error.field, parsed.error.message), { status: 400 });
	const { results, fellBack } = await geocodeText(parsed.text, { limit: parsed.limit });
	return Response.json(
		{ results: results.map(toJson), fallback: fellBack },
		{ headers: { 'cache-control': fellBack ? 'no-store' : 'public, max-age=300' } }
	);
};
