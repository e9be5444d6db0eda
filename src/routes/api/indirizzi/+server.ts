/** GET /api/indirizzi?q=via padova 3: street-register suggestions for the "Vicino a" field. */
import { parseGeocodeQuery } from '#lib/server/geo/inputs.ts';
import { MAX_ADDRESS_SUGGESTIONS, suggestAddresses } from '#lib/server/geo/street-register.ts';
import { invalidInput } from '#lib/server/search/api-response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseGeocodeQuery(url.searchParams);
	if (!parsed.ok) return Response.json(invalidInput(parsed.error.field, parsed.error.message), { status: 400 });
	const suggestions = suggestAddresses(parsed.text, Math.min(parsed.limit ?? MAX_ADDRESS_SUGGESTIONS, MAX_ADDRESS_SUGGESTIONS));
	return Response.json(
		{
			suggestions: suggestions.map((s) => ({ label: s.label, postal_code: s.postalCode, municipio: s.municipio }))
		},
		{ headers: { 'cache-control': 'public, max-age=3600' } }
	);
};
