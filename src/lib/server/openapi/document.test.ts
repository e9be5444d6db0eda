import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document.ts';
import { HSDS_SCHEMA_BASE } from './paths-hsds.ts';

const document = buildOpenApiDocument('https://piazza.example.org');

/** The shape of an OpenAPI 3.1 document, as much of it as this API uses (OpenAPI 3.1.0, §4.8). */
const OPENAPI_SHAPE = {
	type: 'object',
	required: ['openapi', 'info', 'paths'],
	properties: {
		openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
		info: {
			type: 'object',
			required: ['title', 'version'],
			properties: { title: { type: 'string' }, version: { type: 'string' }, license: { required: ['name'] } }
		},
		servers: { type: 'array', items: { type: 'object', required: ['url'] } },
		tags: { type: 'array', items: { type: 'object', required: ['name'] } },
		paths: {
			type: 'object',
			propertyNames: { pattern: '^/' },
			additionalProperties: {
				type: 'object',
				propertyNames: { enum: ['get', 'parameters', 'summary', 'description'] },
				properties: {
					parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
					get: { $ref: '#/$defs/operation' }
				}
			}
		},
		components: {
			type: 'object',
			properties: {
				schemas: { type: 'object', additionalProperties: { type: ['object', 'boolean'] } },
				parameters: { type: 'object', additionalProperties: { $ref: '#/$defs/parameter' } }
			}
		}
	},
	$defs: {
		parameter: {
			oneOf: [
				{ type: 'object', required: ['$ref'] },
				{
					type: 'object',
					required: ['name', 'in'],
					not: { required: ['$ref'] },
					properties: { in: { enum: ['query', 'path', 'header', 'cookie'] }, name: { type: 'string', minLength: 1 } },
					if: { properties: { in: { const: 'path' } } },
					then: { required: ['required'], properties: { required: { const: true } } }
				}
			]
		},
		operation: {
			type: 'object',
			required: ['responses'],
			properties: {
				tags: { type: 'array', items: { type: 'string' } },
				parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
				responses: {
					type: 'object',
					minProperties: 1,
					propertyNames: { pattern: '^[1-5]\\d\\d$' },
					additionalProperties: { type: 'object', required: ['description'] }
				}
			}
		}
	}
};

/** Every `$ref` in the document, with where it is. */
function refsOf(value: unknown, at = '#'): { ref: string; at: string }[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([k, v]) =>
		k === '$ref' && typeof v === 'string' ? [{ ref: v, at }] : refsOf(v, `${at}/${k}`)
	);
}

function resolvePointer(pointer: string): unknown {
	return pointer
		.slice(2)
		.split('/')
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/** `src/routes/api/hsds/services/[id]/+server.ts` → `/api/hsds/services/{id}` */
function apiRoutes(dir = 'src/routes/api'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return apiRoutes(full);
		if (entry.name !== '+server.ts') return [];
		return [`/${path.relative('src/routes', dir).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}')];
	});
}

describe('the OpenAPI document of the public API', () => {
	it('has the shape of an OpenAPI 3.1 document', () => {
		const validate = new Ajv2020({ strict: false, allErrors: true }).compile(OPENAPI_SHAPE);
		expect(validate(document) ? [] : validate.errors).toEqual([]);
		// the shape can fail: an operation without responses is rejected
		expect(validate({ ...document, paths: { '/x': { get: { summary: 'x' } } } })).toBe(false);
	});

	it('resolves every $ref: inside the document, or to a vendored HSDS 3.1 schema', () => {
		const refs = refsOf(document);
		expect(refs.length).toBeGreaterThan(40);
		const broken = refs.filter(({ ref }) =>
			ref.startsWith('#/')
				? resolvePointer(ref) === undefined
				: !ref.startsWith(HSDS_SCHEMA_BASE) ||
					!existsSync(path.join('data/hsds/3.1/schema', ref.slice(HSDS_SCHEMA_BASE.length)))
		);
		expect(broken).toEqual([]);
	});

	it('describes every endpoint under src/routes/api, and no other', () => {
		const routes = apiRoutes();
		expect(routes).toContain('/api/hsds/services/{id}');
		expect(routes).toContain('/api/search');
		expect(Object.keys(document.paths).sort()).toEqual(routes.sort());
	});

	it('declares every path parameter of every path', () => {
		const missing = Object.entries(document.paths).flatMap(([route, item]) => {
			const declared = ((item.parameters ?? []) as { name: string; in: string }[])
				.filter((p) => p.in === 'path')
				.map((p) => p.name);
			return [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !declared.includes(name)).map((n) => `${route}: ${n}`);
		});
		expect(missing).toEqual([]);
	});

	it('keeps the official HSDS operations, and corrects the service_at_location schema', () => {
		const get = (route: string) => (document.paths[route] as { get: Record<string, unknown> }).get;
		expect(get('/api/hsds/services').operationId).toBe('getPaginatedListOfServices');
		const parameters = (get('/api/hsds/services').parameters as { $ref: string }[]).map((p) => p.$ref);
		expect(parameters).toContain('#/components/parameters/hsds_minimal');
		expect(JSON.stringify(get('/api/hsds/service_at_locations/{id}').responses)).toContain(
			'compiled/service_at_location.json'
		);
		expect(Object.keys(document.paths).some((p) => (document.paths[p] as Record<string, unknown>).post)).toBe(false);
	});
});
