/** GET /api/suggest?q=assis: completions for the search box (words and service names). */
import { getDb } from '#lib/server/db/client.ts';
import { invalidInput } from '#lib/server/search/api-response.ts';
import { MAX_SUGGESTIONS, suggest } from '#lib/server/search/suggest.ts';
import type { RequestHandler } from './$types';

const DEFAULT_LIMIT = 8;

export const GET: RequestHandler = async ({ url }) => {
	const rawLimit = url.searchParams.get('limit');
	const limit = rawLimit === null || rawLimit.trim() === '' ? DEFAULT_LIMIT : Number(rawLimit);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
		return Response.json(
			invalidInput('limit', `Il numero di suggerimenti deve essere un numero intero da 1 a ${MAX_SUGGESTIONS}.`),
			{ status: 400 }
		);
	}
	const suggestions = await suggest(await getDb(), url.searchParams.get('q') ?? '', limit);
	return Response.json({ suggestions }, { headers: { 'cache-control': 'public, max-age=60' } });
};
