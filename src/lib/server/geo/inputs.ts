/** The parameters of GET /api/geocode and GET /api/indirizzi, checked at the boundary. */
import { z } from 'zod';
import { MAX_GEOCODE_LIMIT, MAX_GEOCODE_TEXT_LENGTH } from './geocoder.ts';

export type GeocodeQueryResult =
	| { ok: true; text: string; limit: number | undefined }
	| { ok: false; error: { field: string; message: string } };

const schema = z.object({
	q: z
		.string({ error: 'Scrivi un indirizzo, un quartiere o un municipio di Milano.' })
		.trim()
		.min(1, 'Scrivi un indirizzo, un quartiere o un municipio di Milano.')
		.max(MAX_GEOCODE_TEXT_LENGTH, `Il testo può essere lungo al massimo ${MAX_GEOCODE_TEXT_LENGTH} caratteri.`),
	limit: z
		.string()
		.regex(/^\s*\d{1,3}\s*$/, `Il numero di risultati deve essere un numero intero da 1 a ${MAX_GEOCODE_LIMIT}.`)
		.transform(Number)
		.pipe(
			z
				.number()
				.min(1, `Il numero di risultati deve essere un numero intero da 1 a ${MAX_GEOCODE_LIMIT}.`)
				.max(MAX_GEOCODE_LIMIT, `Il numero di risultati deve essere un numero intero da 1 a ${MAX_GEOCODE_LIMIT}.`)
		)
		.optional()
});

export function parseGeocodeQuery(params: URLSearchParams): GeocodeQueryResult {
	const limit = params.get('limit');
	const parsed = schema.safeParse({
		q: params.get('q') ?? undefined,
		limit: limit === null || limit.trim() === '' ? undefined : limit
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, error: { field: String(issue.path[0] ?? 'q'), message: issue.message } };
	}
	return { ok: true, text: parsed.data.q, limit: parsed.data.limit };
}
