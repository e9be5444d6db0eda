/**
 * Validators of the official HSDS 3.1 JSON Schemas (data/hsds/3.1/schema/), for the contract
 * tests of the HSDS API (db tier and e2e). A validator returns the schema errors as text, or
 * an empty list. The HSDS schemas carry their own annotation keywords (constraints, core,
 * datapackage_type...), hence `strict: false`; they allow extra properties, so Piazza's `x_`
 * extensions validate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA_DIR = path.resolve('data/hsds/3.1/schema');

export type HsdsSchemaName =
	| 'compiled/service'
	| 'compiled/service_list'
	/** service_list with only id and last_modified required: the `minimal=true` form of GET /services */
	| 'compiled/service_list:minimal'
	| 'compiled/organization'
	| 'compiled/organization_list'
	| 'compiled/service_at_location'
	| 'compiled/service_at_location_list'
	| 'taxonomy'
	| 'taxonomy_term';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const readSchema = (file: string) => JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));

/** The per-object schemas refer to each other by file name ("metadata.json"): a base URI resolves them. */
const OBJECT_BASE = 'https://hsds.invalid/3.1/schema/';
let objectSchemasRegistered = false;
function registerObjectSchemas() {
	if (objectSchemasRegistered) return;
	for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
		ajv.addSchema({ ...readSchema(file), $id: `${OBJECT_BASE}${file}` });
	}
	objectSchemasRegistered = true;
}
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Schema errors of `value` against the official schema `name` (empty when valid). */
export function hsdsSchemaErrors(name: HsdsSchemaName, value: unknown): string[] {
	let validate = compiled.get(name);
	if (!validate) {
		const [file, variant] = name.split(':');
		if (file!.startsWith('compiled/')) {
			const schema = readSchema(`${file}.json`);
			if (variant === 'minimal') schema.required = ['id', 'last_modified'];
			validate = ajv.compile(schema);
		} else {
			registerObjectSchemas();
			validate = ajv.getSchema(`${OBJECT_BASE}${file}.json`)!;
		}
		compiled.set(name, validate);
	}
	return errorsOf(validate, value);
}

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
	if (validate(value)) return [];
	return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const openapi = () => JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'openapi.json'), 'utf8'));
let validateInfo: ValidateFunction | undefined;
let validatePage: ValidateFunction | undefined;

/** Errors of the body of `GET /` against the official OpenAPI's inline schema. */
export function apiInfoErrors(body: unknown): string[] {
	validateInfo ??= ajv.compile(openapi().paths['/'].get.responses['200'].content['application/json'].schema);
	return errorsOf(validateInfo, body);
}

/**
 * The paging envelope of every HSDS list: components/schemas/Page of the official OpenAPI, every
 * field present (HSDS 3.1.1 made them required), `size` the number of `contents`.
 */
export function pageEnvelopeErrors(body: unknown): string[] {
	validatePage ??= ajv.compile(openapi().components.schemas.Page);
	const page = body as Record<string, unknown>;
	const errors = errorsOf(validatePage, body);
	for (const key of ['total_items', 'total_pages', 'page_number', 'size']) {
		if (!Number.isInteger(page[key])) errors.push(`${key} must be an integer`);
	}
	for (const key of ['first_page', 'last_page', 'empty']) {
		if (typeof page[key] !== 'boolean') errors.push(`${key} must be a boolean`);
	}
	if (!Array.isArray(page.contents)) errors.push('contents must be an array');
	else if (page.size !== page.contents.length) errors.push('size must be the number of contents');
	return errors;
}
