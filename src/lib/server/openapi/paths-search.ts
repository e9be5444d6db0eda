/**
 * The project's own search API: GET /api/search (the engine behind /cerca, see
 * search/inputs.ts and search/api-response.ts) and GET /api/suggest (completions).
 */
import { MAX_SUGGESTIONS } from '../search/suggest.ts';
import {
	DEFAULT_PER_PAGE,
	MAX_DISTANCE_FROM_MILAN_KM,
	MAX_PAGE,
	MAX_PER_PAGE,
	MAX_RADIUS_KM
} from '../search/inputs.ts';
import { errorResponse, type OpenApiPart } from './types.ts';

export const query = (name: string, description: string, schema: object, example?: unknown) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema,
	...(example !== undefined ? { example } : {})
});

const flag = { type: 'string', enum: ['true', '1', 'on', 'false', '0', 'off'] };

/** The parameters of a search, shared by /api/search and /api/map. */
export const searchParameters = [
	query('q', 'Testo libero (al massimo 200 caratteri, il resto è ignorato).', { type: 'string' }, 'asilo nido'),
	query('page', `Pagina, da 1 a ${MAX_PAGE}.`, { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 }),
	query('per_page', `Risultati per pagina, da 1 a ${MAX_PER_PAGE}.`, {
		type: 'integer',
		minimum: 1,
		maximum: MAX_PER_PAGE,
		default: DEFAULT_PER_PAGE
	}),
	query('area', "Codice di un'area di bisogno o di una sua sottocategoria (GET /api/hsds/taxonomy_terms).", { type: 'string' }, 'nidi-micronidi'),
	query('audience', 'Codice di una voce dei destinatari.', { type: 'string' }, 'bambini-0-3'),
	query('municipio', 'Municipio di Milano, da 1 a 9.', { type: 'integer', minimum: 1, maximum: 9 }),
	query(
		'near',
		`Un punto "latitudine,longitudine" entro ${MAX_DISTANCE_FROM_MILAN_KM} km da Milano: ordina per distanza e riporta distance_km.`,
		{ type: 'string', pattern: '^-?\\d{1,3}(\\.\\d+)?,\\s*-?\\d{1,3}(\\.\\d+)?$' },
		'45.4642,9.19'
	),
	query('radius_km', `Con near: solo i servizi entro questo raggio (al massimo ${MAX_RADIUS_KM} km).`, {
		type: 'number',
		exclusiveMinimum: 0
	}),
	query('free', 'Solo i servizi gratuiti.', flag),
	query('open_now', "Solo i servizi aperti in questo momento (ora di Roma).", flag)
];

const counts = { type: 'object', additionalProperties: { type: 'integer' } };

export const searchPaths: OpenApiPart = {
	tag: {
		name: 'Ricerca',
		description:
			'Il motore di ricerca del portale (lo stesso della pagina /cerca): testo libero in italiano, sinonimi, correzione degli errori di battitura, filtri e conteggi per filtro.'
	},
	paths: {
		'/api/search': {
			get: {
				tags: ['Ricerca'],
				operationId: 'searchServices',
				'x-example-query': '?q=asilo%20nido&per_page=5',
				summary: 'Cerca i servizi',
				description:
					'Servizi attivi che corrispondono al testo e ai filtri, ordinati per pertinenza (per distanza con `near` e senza testo, per nome senza testo). Ogni parametro è facoltativo; un valore vuoto vale come assente.',
				parameters: searchParameters,
				responses: {
					'200': {
						description: 'Una pagina di risultati, con i conteggi per ogni filtro.',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResponse' } } }
					},
					'400': errorResponse('Un parametro non valido: il messaggio (in italiano) e il campo dicono quale.')
				}
			}
		},
		'/api/suggest': {
			get: {
				tags: ['Ricerca'],
				operationId: 'suggest',
				'x-example-query': '?q=assis',
				summary: 'Suggerimenti per la casella di ricerca',
				description: 'Completamenti del testo digitato: parole del vocabolario dei servizi e nomi di servizi.',
				parameters: [
					query('q', 'Il testo digitato finora (servono almeno 2 lettere).', { type: 'string' }, 'assis'),
					query('limit', `Quanti suggerimenti, da 1 a ${MAX_SUGGESTIONS}.`, {
						type: 'integer',
						minimum: 1,
						maximum: MAX_SUGGESTIONS,
						default: 8
					})
				],
				responses: {
					'200': {
						description: 'I suggerimenti, i più utili prima.',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/SuggestResponse' } } }
					},
					'400': errorResponse('`limit` non valido.')
				}
			}
		}
	},
	components: {
		schemas: {
			SearchResponse: {
				type: 'object',
				required: ['total', 'estimated', 'page', 'per_page', 'results', 'facets', 'corrected_query'],
				properties: {
					total: { type: 'integer', description: 'Servizi trovati in tutto.' },
					estimated: {
						type: 'boolean',
						description:
							'Vero quando `total` è una stima: la ricerca raggiunge più di 5.000 servizi, contati su un campione e arrotondati a due cifre significative (24.479 → 24.000). In quel caso anche i conteggi dei filtri sono stime; un totale piccolo è contato comunque esatto. Falso: `total` è esatto.'
					},
					page: { type: 'integer' },
					per_page: { type: 'integer' },
					results: {
						type: 'array',
						items: {
							type: 'object',
							required: ['id', 'name', 'organization', 'areas', 'municipio', 'distance_km', 'url'],
							properties: {
								id: { type: 'string', format: 'uuid', description: 'Lo stesso id di GET /api/hsds/services/{id}.' },
								name: { type: 'string' },
								organization: {
									type: 'object',
									required: ['id', 'name'],
									properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } }
								},
								areas: { type: 'array', items: { type: 'string' }, description: 'Codici delle aree e sottocategorie.' },
								municipio: { type: ['integer', 'null'] },
								distance_km: { type: ['number', 'null'], description: 'Solo con near.' },
								url: { type: 'string', description: 'Percorso della pagina del servizio, es. /servizi/<slug>.' }
							}
						}
					},
					facets: {
						type: 'object',
						required: ['area', 'municipio', 'audience'],
						description: 'Per ogni valore di un filtro, quanti servizi si troverebbero scegliendolo.',
						properties: { area: counts, municipio: counts, audience: counts }
					},
					corrected_query: {
						type: ['string', 'null'],
						description: 'Il testo con gli errori di battitura corretti, quando la ricerca lo ha usato.'
					}
				}
			},
			SuggestResponse: {
				type: 'object',
				required: ['suggestions'],
				properties: {
					suggestions: {
						type: 'array',
						items: {
							type: 'object',
							required: ['label', 'kind'],
							properties: {
								label: { type: 'string' },
								kind: { type: 'string', enum: ['word', 'service'] },
								url: { type: 'string', description: 'Per i servizi, il percorso della pagina.' }
							}
						}
					}
				}
			}
		}
	}
};
