/**
 * The API of places: GET /api/map (the places of a search in a view, clustered; see
 * map/inputs.ts and map/map-features.ts), GET /api/geocode and GET /api/indirizzi (geo/).
 */
import { DEFAULT_GEOCODE_LIMIT, MAX_GEOCODE_LIMIT, MAX_GEOCODE_TEXT_LENGTH } from '../geo/geocoder.ts';
import { MAX_ADDRESS_SUGGESTIONS } from '../geo/street-register.ts';
import { DEFAULT_ZOOM, MAX_ZOOM, MILAN_EXTENT, MIN_ZOOM } from '../map/inputs.ts';
import { query, searchParameters } from './paths-search.ts';
import { errorResponse, type OpenApiPart } from './types.ts';

const extent = [MILAN_EXTENT.west, MILAN_EXTENT.south, MILAN_EXTENT.east, MILAN_EXTENT.north].join(',');
const text = query('q', `Un indirizzo, un quartiere (NIL) o un municipio di Milano (al massimo ${MAX_GEOCODE_TEXT_LENGTH} caratteri).`, {
	type: 'string',
	minLength: 1,
	maxLength: MAX_GEOCODE_TEXT_LENGTH
}, 'via Padova 36');
const point = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitudine, latitudine]' };

export const placesPaths: OpenApiPart = {
	tag: {
		name: 'Luoghi',
		description:
			'La mappa dei servizi (gli stessi filtri della ricerca, raggruppati sul server) e la geocodifica degli indirizzi di Milano sullo stradario del Comune.'
	},
	paths: {
		'/api/map': {
			get: {
				tags: ['Luoghi'],
				operationId: 'mapPlaces',
				'x-example-query': '?area=sostegno-a-casa&zoom=12',
				summary: 'I luoghi dei servizi trovati, in un riquadro della mappa',
				description:
					'I luoghi (sedi) dei servizi che la ricerca con gli stessi parametri di /api/search troverebbe, dentro il riquadro `bbox`, in GeoJSON. Quando nel riquadro cadono molti luoghi, quelli vicini sullo schermo sono raggruppati (cluster) con il loro numero, il riquadro che li contiene e lo zoom che li separa; un gruppo sul bordo del riquadro arriva intero (i suoi luoghi fuori dal riquadro non contano in `total_in_view`). Un riquadro più grande di Milano, anche il mondo intero, è ridotto alla città.',
				parameters: [
					...searchParameters.filter((p) => p.name !== 'page' && p.name !== 'per_page'),
					query('bbox', `Il riquadro "ovest,sud,est,nord" in gradi (predefinito: tutta Milano, ${extent}).`, { type: 'string' }, '9.15,45.45,9.22,45.49'),
					query('zoom', `Lo zoom della mappa, da ${MIN_ZOOM} a ${MAX_ZOOM}.`, {
						type: 'integer',
						minimum: MIN_ZOOM,
						maximum: MAX_ZOOM,
						default: DEFAULT_ZOOM
					})
				],
				responses: {
					'200': {
						description: 'Una FeatureCollection di luoghi e gruppi di luoghi.',
						content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/MapFeatureCollection' } } }
					},
					'400': errorResponse('Un parametro non valido (il riquadro, lo zoom o un parametro della ricerca).')
				}
			}
		},
		'/api/geocode': {
			get: {
				tags: ['Luoghi'],
				operationId: 'geocode',
				'x-example-query': '?q=via%20Padova%2036',
				summary: 'Da un indirizzo a un punto',
				description:
					'I luoghi di Milano che corrispondono al testo, con il municipio e la precisione onesta della posizione: `address` (il numero civico), `street` (la via), `neighbourhood` o `municipio` (il loro centro), `city`.',
				parameters: [
					text,
					query('limit', `Quanti risultati, da 1 a ${MAX_GEOCODE_LIMIT}.`, {
						type: 'integer',
						minimum: 1,
						maximum: MAX_GEOCODE_LIMIT,
						default: DEFAULT_GEOCODE_LIMIT
					})
				],
				responses: {
					'200': {
						description: 'I luoghi trovati, i più probabili prima (nessuno se il testo non è un luogo di Milano).',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/GeocodeResponse' } } }
					},
					'400': errorResponse('Testo mancante o troppo lungo, o `limit` non valido.')
				}
			}
		},
		'/api/indirizzi': {
			get: {
				tags: ['Luoghi'],
				operationId: 'suggestAddresses',
				'x-example-query': '?q=via%20padova%203',
				summary: 'Suggerimenti di indirizzi',
				description: 'Vie e numeri civici dello stradario del Comune che iniziano con il testo digitato.',
				parameters: [
					text,
					query('limit', `Quanti suggerimenti, da 1 a ${MAX_ADDRESS_SUGGESTIONS}.`, {
						type: 'integer',
						minimum: 1,
						maximum: MAX_ADDRESS_SUGGESTIONS,
						default: MAX_ADDRESS_SUGGESTIONS
					})
				],
				responses: {
					'200': {
						description: 'Gli indirizzi suggeriti.',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/AddressSuggestions' } } }
					},
					'400': errorResponse('Testo mancante o troppo lungo, o `limit` non valido.')
				}
			}
		}
	},
	components: {
		schemas: {
			MapFeatureCollection: {
				type: 'object',
				required: ['type', 'bbox', 'zoom', 'total_in_view', 'clustered', 'features'],
				properties: {
					type: { const: 'FeatureCollection' },
					bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: 'Il riquadro usato (quello chiesto, ridotto a Milano).' },
					zoom: { type: 'integer' },
					total_in_view: { type: 'integer', description: 'I luoghi della ricerca nel riquadro, raggruppati o no.' },
					clustered: { type: 'boolean' },
					features: {
						type: 'array',
						items: {
							type: 'object',
							required: ['type', 'id', 'geometry', 'properties'],
							properties: {
								type: { const: 'Feature' },
								id: { type: 'string' },
								geometry: {
									type: 'object',
									required: ['type', 'coordinates'],
									properties: { type: { const: 'Point' }, coordinates: point }
								},
								properties: {
									oneOf: [
										{
											type: 'object',
											description: 'Un luogo.',
											required: ['cluster', 'service_id', 'name', 'url', 'organization', 'areas', 'address'],
											properties: {
												cluster: { const: false },
												service_id: { type: 'string', format: 'uuid' },
												name: { type: 'string' },
												url: { type: 'string' },
												organization: { type: 'string' },
												areas: { type: 'array', items: { type: 'string' } },
												address: { type: ['string', 'null'] }
											}
										},
										{
											type: 'object',
											description: 'Un gruppo di luoghi vicini.',
											required: ['cluster', 'point_count', 'expansion_zoom', 'bbox'],
											properties: {
												cluster: { const: true },
												point_count: { type: 'integer' },
												expansion_zoom: { type: 'integer', description: 'Lo zoom a cui il gruppo si divide.' },
												bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 }
											}
										}
									]
								}
							}
						}
					}
				}
			},
			GeocodeResponse: {
				type: 'object',
				required: ['results', 'fallback'],
				properties: {
					results: {
						type: 'array',
						items: {
							type: 'object',
							required: ['label', 'lat', 'lon', 'municipio', 'postal_code', 'precision'],
							properties: {
								label: { type: 'string' },
								lat: { type: 'number' },
								lon: { type: 'number' },
								municipio: { type: ['integer', 'null'] },
								nil_id: { type: ['integer', 'null'] },
								postal_code: { type: ['string', 'null'] },
								precision: { type: 'string', enum: ['address', 'street', 'neighbourhood', 'municipio', 'city'] }
							}
						}
					},
					fallback: {
						type: 'boolean',
						description: 'Il geocodificatore configurato non ha risposto: ha risposto lo stradario.'
					}
				}
			},
			AddressSuggestions: {
				type: 'object',
				required: ['suggestions'],
				properties: {
					suggestions: {
						type: 'array',
						items: {
							type: 'object',
							required: ['label', 'postal_code', 'municipio'],
							properties: {
								label: { type: 'string' },
								postal_code: { type: ['string', 'null'] },
								municipio: { type: ['integer', 'null'] }
							}
						}
					}
				}
			}
		}
	}
};
