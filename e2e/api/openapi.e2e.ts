/**
 * The OpenAPI document tells the truth about the project's own endpoints: every GET operation
 * outside /api/hsds (checked against the official schemas in hsds.e2e.ts) is called on the
 * running app with its documented example query, and the answer is validated against the
 * response schema the document gives for its status.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { appUrl, getJson } from '../support/app.ts';

type Operation = {
	operationId: string;
	'x-example-query'?: string;
	responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};
type Document = { paths: Record<string, { get?: Operation }>; components: object };

const { body } = await getJson('/api/openapi.json');
const document = body as Document;
const operations = Object.entries(document.paths)
	.filter(([path, item]) => !path.startsWith('/api/hsds') && path !== '/api/openapi.json' && item.get)
	.map(([path, item]) => ({ path, operation: item.get! }));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: document.components });
const schemaOf = (operation: Operation, status: string) => {
	const content = operation.responses[status]?.content ?? {};
	const schema = Object.values(content)[0]?.schema;
	// "#/components/..." refers to the document, registered above as "openapi"
	return schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
};

describe('the OpenAPI document against the running app', () => {
	test('documents the project\'s own endpoints, each with an example', () => {
		expect(operations.map((o) => o.path).sort()).toEqual(
			expect.arrayContaining(['/api/geocode', '/api/indirizzi', '/api/map', '/api/search', '/api/suggest'])
		);
		for (const { operation } of operations) expect(operation['x-example-query'], operation.operationId).toBeTruthy();
	});

	test.each(operations.map((o) => [o.path, o.operation] as const))('GET %s answers what the document says', async (path, operation) => {
		const response = await fetch(appUrl(`${path}${operation['x-example-query']}`));
		expect(response.status).toBe(200);
		const validate = ajv.compile(schemaOf(operation, '200'));
		const valid = validate(await response.json());
		expect(validate.errors ?? [], path).toEqual([]);
		expect(valid).toBe(true);
	});

	/** A parameter each endpoint must refuse. */
	const BAD: Record<string, string> = {
		'/api/search': '?municipio=12',
		'/api/suggest': '?q=as&limit=zero',
		'/api/map': '?bbox=ovest,sud',
		'/api/geocode': '?q=',
		'/api/indirizzi': '?q=%20'
	};

	test.each(operations.map((o) => [o.path, o.operation] as const))('GET %s refuses a bad parameter as documented', async (path, operation) => {
		expect(BAD[path], `no bad-parameter example for ${path}`).toBeDefined();
		const { status, body } = await getJson(`${path}${BAD[path]}`);
		expect(status).toBe(400);
		const validate = ajv.compile(schemaOf(operation, '400'));
		expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
	});
});
