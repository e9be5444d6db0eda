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

/** What the official parameters leave open, as this API answers it. */
const PARAMETER_DETAILS: Record<string, JsonObject> = {
	page: { schema: { type: 'integer', minimum: 1, default: 1 } },
	per_page: {
		description: `Number of results requested in a single page: ${DEFAULT_PER_PAGE} by default, at most ${MAX_PER_PAGE} (with minimal=true, up to ${MAX_MINIMAL_PER_PAGE}, all in one page by default).`,
		schema: { type: 'integer', minimum: 1, maximum: MAX_MINIMAL_PER_PAGE, default: DEFAULT_PER_PAGE }
	},
	format: {
		description: 'Return results in the specified format. Only `json` is supported; any other value is a 400.',
		schema: { type: 'string', enum: ['json'], default: 'json' }
	},
	modified_after: {
		description:
			'Return all results modified on or after this datetime (ISO 8601 date or date-time): the latest change of the service, its organization or its locations.',
		schema: { type: 'string', format: 'date-time' }
	},
	proximity: {
		description: `Return services within this many metres (at most ${MAX_PROXIMITY_METERS}) of the centre of the given postcode (the mean position of the known addresses in it), nearest first. Requires postcode.`,
		schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_PROXIMITY_METERS }
	},
	postcode: {
		description:
			'A postcode (CAP): without proximity, the services at locations with an address in it; with proximity, distance is measured from its centre.'
	},
	search: {
		description:
			'Full text search. On services and services at locations: Piazza\'s Italian search engine (the one of /cerca and /api/search), results in relevance order. On organizations, taxonomies and terms: every word in the name (or term code).'
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
		get.tags = ['HSDS'];
		get.responses = {
			...get.responses,
			'304': { description: 'Not modified: the ETag (If-None-Match) or the date (If-Modified-Since) is still current.' },
			...(hasId
				? { '404': errorResponse('No published record with this id.') }
				: { '400': errorResponse('An invalid parameter: the (Italian) message and the field say which.') })
		};
		const pathParameters = (item.parameters ?? []).map((p) => ({ ...(p as JsonObject), schema: ID_SCHEMA }));
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
				'The directory as Open Referral HSDS 3.1, read-only: published services, the organizations offering them, their places and the taxonomies. Responses carry ETag and Last-Modified (conditional GET answers 304) and are open to every origin (CORS).'
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
