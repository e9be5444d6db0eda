/**
 * The OpenAPI document of the whole public API, served at /api/openapi.json and rendered as
 * the /api page. Each API area describes itself in one `paths-*.ts` module returning an
 * OpenApiPart; a new area is one more module and one more entry in PARTS.
 */
import { HSDS_VERSION } from '../hsds/api-info.ts';
import { hsdsPaths } from './paths-hsds.ts';
import { placesPaths } from './paths-places.ts';
import { searchPaths } from './paths-search.ts';
import type { JsonObject, OpenApiPart } from './types.ts';

const PARTS: (() => OpenApiPart)[] = [() => searchPaths, () => placesPaths, hsdsPaths];

export const API_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.it' };

export type OpenApiDocument = JsonObject & {
	openapi: string;
	info: JsonObject & { title: string; version: string; description: string };
	tags: { name: string; description: string }[];
	paths: Record<string, JsonObject>;
	components: { schemas: Record<string, JsonObject>; parameters: Record<string, JsonObject> };
};

export function buildOpenApiDocument(origin: string): OpenApiDocument {
	const parts = PARTS.map((part) => part());
	const document: OpenApiDocument = {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Piazza: API pubblica',
			version: `1.0 (HSDS ${HSDS_VERSION})`,
			summary: 'I servizi sociali di Milano per le famiglie, in formato aperto.',
			description:
				"API in sola lettura, senza chiave e senza registrazione. I dati sono pubblicati con licenza CC BY 4.0: si possono riusare, anche a fini commerciali, citando la fonte (Piazza; per i dati di origine: \"Contiene dati del Comune di Milano – dati.comune.milano.it – licenza CC BY 4.0\"). Gli errori sono JSON: `{ \"error\": { \"code\", \"message\", \"field\" } }`, con il messaggio in italiano.",
			license: API_LICENCE
		},
		servers: [{ url: origin }],
		externalDocs: { description: 'Dati aperti: scarica tutta la directory', url: `${origin}/open-data` },
		tags: parts.map((p) => p.tag),
		paths: {
			'/api/openapi.json': {
				get: {
					tags: ['Documentazione'],
					operationId: 'getOpenApiDocument',
					summary: 'Questo documento OpenAPI',
					description: 'La descrizione di tutta l\'API pubblica in formato OpenAPI 3.1, da cui è generata anche questa pagina.',
					responses: { '200': { description: 'Il documento OpenAPI 3.1 di tutta l\'API pubblica.', content: { 'application/json': {} } } }
				}
			}
		},
		components: {
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string', enum: ['INVALID_INPUT', 'NOT_FOUND'] },
								message: { type: 'string', description: 'In italiano, da mostrare a chi usa il servizio.' },
								field: { type: 'string', description: 'Il parametro in errore.' }
							}
						}
					}
				}
			},
			parameters: {}
		}
	};
	document.tags.push({ name: 'Documentazione', description: 'La descrizione dell\'API stessa.' });
	for (const part of parts) {
		for (const [route, item] of Object.entries(part.paths)) {
			if (document.paths[route]) throw new Error(`OpenAPI: ${route} is described twice`);
			document.paths[route] = item;
		}
		Object.assign(document.components.schemas, part.components?.schemas);
		Object.assign(document.components.parameters, part.components?.parameters);
	}
	return document;
}
