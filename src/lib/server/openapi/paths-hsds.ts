/**
 * The HSDS 3.1 API (`/api/hsds`) as the official OpenAPI document describes it
 * (data/hsds/3.1/schema/openapi.json), rewritten for this site: the read operations only, under
 * /api/hsds, with Piazza's page sizes and error responses, its components prefixed so they sit
 * beside other areas' ones, and its response schemas pinned to the HSDS 3.1 files we vendor
 * (the official document points at the 3.0 branch). One upstream mistake is corrected:
 * `/service_at_locations/{id}` answers with a service at a location, not a service.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PER_PAGE, MAX_MINIMAL_PER_PAGE, MAX_PER_PAGE, MAX_PROXIMITY_METERS } from '../hsds/inputs.ts';
import { errorResponse, type JsonObject, type OpenApiPart } from './types.ts';

export const HSDS_BASE_PATH = '/api/hsds';

/** The vendored commit of openreferral/specification (data/hsds/README.md): its files are exactly ours. */
export const HSDS_SCHEMA_BASE =
	'https://raw.githubusercontent.com/openreferral/specification/abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema/';
const UPSTREAM_SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

const PREFIX = 'hsds_';

type Official = {
	paths: Record<string, { parameters?: unknown[]; get: JsonObject }>;
	components: { schemas: Record<string, JsonObject>; parameters: Record<string, JsonObject> };
};

function readOfficial(): Official {
	return JSON.parse(readFileSync(path.resolve(process.cwd(), 'data/hsds/3.1/schema/openapi.json'), 'utf8'));
}

/** Every `$ref` of `value` rewritten: local components prefixed, upstream schemas pinned. */
function rewriteRefs<T>(value: T): T {
	return JSON.parse(JSON.stringify(value), (key, v) => {
		if (key !== '$ref' || typeof v !== 'string') return v;
		if (v.startsWith('#/components/parameters/')) return `#/components/parameters/${PREFIX}${v.split('/').pop()}`;
		if (v === '#/components/schemas/Page') return '#/components/schemas/HsdsPage';
		if (v.startsWith(UPSTREAM_SCHEMA_BASE)) return HSDS_SCHEMA_BASE + v.slice(UPSTREAM_SCHEMA_BASE.length);
		return v;
	}) as T;
}

/** The official parameters in Italian, with what they leave open as this API answers it. */
const PARAMETER_DETAILS: Record<string, JsonObject> = {
	search: {
		description:
			'Ricerca a testo libero. Su servizi e servizi nei luoghi usa il motore di ricerca di Piazza (lo stesso di /cerca e /api/search): risultati in ordine di pertinenza. Su enti, tassonomie e termini: ogni parola nel nome (o nel codice del termine).'
	},
	page: { description: 'Numero della pagina, da 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
	per_page: {
		description: `Risultati per pagina: ${DEFAULT_PER_PAGE} se non indicato, al massimo ${MAX_PER_PAGE} (con minimal=true fino a ${MAX_MINIMAL_PER_PAGE}, e tutti in una pagina se non indicato).`,
		schema: { type: 'integer', minimum: 1, maximum: MAX_MINIMAL_PER_PAGE, default: DEFAULT_PER_PAGE }
	},
	format: {
		description: 'Formato della risposta: solo `json` (il formato ndjson non è offerto; ogni altro valore è un errore 400).',
		schema: { type: 'string', enum: ['json'], default: 'json' }
	},
	minimal: {
		description:
			'true: di ogni servizio solo `id` e `last_modified`, per sapere che cosa è cambiato senza scaricare tutto.',
		schema: { type: 'boolean', default: false }
	},
	full: {
		description:
			'true: i record completi, con tutti i dati collegati (luoghi, orari, contatti, costi, categorie…) invece dei soli campi semplici.',
		schema: { type: 'boolean', default: false }
	},
	full_service: {
		description: "true: i servizi dell'ente completi di tutti i dati collegati, invece dei soli campi semplici.",
		schema: { type: 'boolean', default: false }
	},
	modified_after: {
		description:
			"Solo i record cambiati in quel momento o dopo (data o data e ora ISO 8601, es. 2026-11-01 o 2026-11-01T08:00:00Z): conta l'ultima modifica del servizio, del suo ente o dei suoi luoghi.",
		schema: { type: 'string', format: 'date-time' }
	},
	taxonomy_term_id: { description: "Solo i record classificati con questo termine (id da GET /api/hsds/taxonomy_terms)." },
	taxonomy_id: { description: 'Solo i record classificati con almeno un termine di questa tassonomia.' },
	organization_id: { description: "Solo i servizi offerti da questo ente." },
	postcode: {
		description:
			'Un CAP: senza proximity, i servizi nei luoghi con un indirizzo in quel CAP; con proximity, la distanza si misura dal centro del CAP.'
	},
	proximity: {
		description: `Solo i servizi entro questa distanza in metri (al massimo ${MAX_PROXIMITY_METERS}) dal centro del CAP indicato in postcode (la posizione media degli indirizzi noti in quel CAP), dal più vicino. Richiede postcode.`,
		schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_PROXIMITY_METERS }
	},
	top_only: { description: 'true: solo i termini di primo livello (senza termine padre).' },
	parent_id: { description: 'Solo i termini figli di questo termine.', schema: { type: 'string', format: 'uuid' } }
};

/** Italian summaries, and an example query for the /api page (an OpenAPI extension field). */
const OPERATIONS: Record<string, { summary: string; description: string; example?: string }> = {
	'/': {
		summary: "Informazioni sull'API",
		description: "La versione di HSDS, il profilo (le scelte di Piazza nell'applicarlo) e l'indirizzo di questo documento OpenAPI."
	},
	'/services': {
		summary: 'Elenco dei servizi',
		description:
			"I servizi attivi, una pagina alla volta, con i campi semplici e l'ente che li offre; minimal=true o full=true cambiano la forma.",
		example: '?search=asilo%20nido&per_page=5'
	},
	'/services/{id}': {
		summary: 'Un servizio completo',
		description: "Il servizio con tutti i dati collegati: ente, luoghi con indirizzi e orari, telefoni, contatti, costi, lingue, documenti richiesti, categorie."
	},
	'/organizations': {
		summary: 'Elenco degli enti',
		description: 'Gli enti che offrono almeno un servizio attivo; full=true aggiunge i loro servizi.',
		example: '?per_page=5'
	},
	'/organizations/{id}': {
		summary: "Un ente con i suoi servizi",
		description: "L'ente con l'elenco dei suoi servizi attivi (campi semplici; completi con full_service=true)."
	},
	'/taxonomies': {
		summary: 'Elenco delle tassonomie',
		description: 'Le classificazioni usate: le aree di bisogno (aree-di-bisogno), i destinatari e quelle importate da altre directory.'
	},
	'/taxonomies/{id}': { summary: 'Una tassonomia', description: 'Una tassonomia per id.' },
	'/taxonomy_terms': {
		summary: 'Elenco dei termini',
		description: 'Le voci delle tassonomie, con la tassonomia a cui appartengono.',
		example: '?top_only=true'
	},
	'/taxonomy_terms/{id}': { summary: 'Un termine', description: 'Un termine di una tassonomia per id.' },
	'/service_at_locations': {
		summary: 'Elenco dei servizi nei luoghi',
		description:
			'Ogni coppia servizio–luogo dei servizi attivi, con il luogo e il servizio; filtri per CAP e distanza.',
		example: '?postcode=20132&proximity=1000&per_page=5'
	},
	'/service_at_locations/{id}': {
		summary: 'Un servizio in un luogo',
		description:
			'La coppia servizio–luogo completa: il luogo con indirizzi, orari e contatti, e il servizio. (Il documento ufficiale indica per errore lo schema del servizio: la risposta segue quello di service_at_location.)'
	}
};

const ID_SCHEMA = { type: 'string', format: 'uuid' };

export function hsdsPaths(): OpenApiPart {
	const official = readOfficial();
	const paths: Record<string, JsonObject> = {};
	for (const [route, item] of Object.entries(official.paths)) {
		const get = rewriteRefs(item.get) as JsonObject & { responses: Record<string, JsonObject> };
		const hasId = route.endsWith('{id}');
		if (route === '/service_at_locations/{id}') {
			// upstream points at compiled/service.json by mistake
			(get.responses['200']!.content as JsonObject)['application/json'] = {
				schema: { $ref: `${HSDS_SCHEMA_BASE}compiled/service_at_location.json` }
			};
		}
		const italian = OPERATIONS[route]!;
		get.summary = italian.summary;
		get.description = italian.description;
		if (italian.example) get['x-example-query'] = italian.example;
		get.tags = ['HSDS'];
		// parameter texts come from the components (in Italian); inline ones are translated here
		const parameters = ((get.parameters ?? []) as JsonObject[]).map((p) =>
			typeof p.$ref === 'string' ? { $ref: p.$ref } : { ...p, ...PARAMETER_DETAILS[p.name as string] }
		);
		if (parameters.length) get.parameters = parameters;
		get.responses = {
			'200': { ...get.responses['200'], description: italian.summary },
			'304': { description: 'Non modificato: la copia del client (If-None-Match o If-Modified-Since) è ancora attuale.' },
			...(hasId ? { '404': errorResponse('Nessun record pubblicato con questo id.') } : {}),
			...(parameters.length && !hasId
				? { '400': errorResponse('Un parametro non valido: il messaggio e il campo dicono quale.') }
				: {})
		};
		const pathParameters = (item.parameters ?? []).map((p) => ({
			...(p as JsonObject),
			description: "L'id (UUID) del record.",
			schema: ID_SCHEMA
		}));
		paths[route === '/' ? HSDS_BASE_PATH : `${HSDS_BASE_PATH}${route}`] = {
			...(pathParameters.length ? { parameters: pathParameters } : {}),
			get
		};
	}
	const parameters: Record<string, JsonObject> = {};
	for (const [name, parameter] of Object.entries(official.components.parameters)) {
		const details = PARAMETER_DETAILS[name] ?? {};
		parameters[`${PREFIX}${name}`] = { ...parameter, ...details };
	}
	for (const name of ['taxonomy_term_id', 'taxonomy_id', 'organization_id']) {
		parameters[`${PREFIX}${name}`] = { ...parameters[`${PREFIX}${name}`], schema: ID_SCHEMA };
	}
	const page = official.components.schemas.Page!;
	return {
		tag: {
			name: 'HSDS',
			description:
				'La directory nel formato standard Open Referral HSDS 3.1, in sola lettura: i servizi attivi, gli enti che li offrono, i loro luoghi e le tassonomie. Le risposte hanno ETag e Last-Modified (la richiesta condizionale risponde 304) e sono aperte a ogni origine (CORS).'
		},
		paths,
		components: {
			parameters,
			schemas: {
				HsdsPage: {
					...page,
					// required since HSDS 3.1.1; this API always sends them
					required: Object.keys(page.properties as JsonObject)
				}
			}
		}
	};
}
