/** GET /api/search: the search engine as JSON (the parameters of /cerca). */
import { getDb } from '#lib/server/db/client.ts';
import { invalidInput, toSearchApiResponse } from '#lib/server/search/api-response.ts';
import { parseSearchParams } from '#lib/server/search/inputs.ts';
import { searchServices } from '#lib/server/search/search-services.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) {
		return Response.json(invalidInput(parsed.error.field, parsed.error.message), { status: 400 });
	}
	const outcome = await searchServices(await getDb(), parsed.params);
	return Response.json(toSearchApiResponse(outcome), {
		headers: { 'cache-control': 'public, max-age=60' }
	});
};
