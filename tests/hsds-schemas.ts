/**
 * Validators of the official HSDS 3.1 JSON Schemas (data/hsds/3.1/schema/), for the contract
 * tests of the HSDS API (db tier and e2e). A validator returns the schema errors as text, or
 * an empty list. The HSDS schemas carry their own annotation keywords (constraints, core,
 * datapackage_type...), hence `strict: false`; they allow extra properties, so Piazza's `x_`
 * extensions validate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA_DIR = path.resolve('data/hsds/3.1/schema');

export type HsdsSchemaName =
	| 'compiled/service'
	| 'compiled/service_list'
	| 'compiled/organization'
	| 'compiled/organization_list'
	| 'compiled/service_at_location'
	| 'compiled/service_at_location_list'
	| 'taxonomy'
	| 'taxonomy_term';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Schema errors of `value` against the official schema `name` (empty when valid). */
export function hsdsSchemaErrors(name: HsdsSchemaName, value: unknown): string[] {
	let validate = compiled.get(name);
	if (!validate) {
		validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${name}.json`), 'utf8')));
		compiled.set(name, validate);
	}
	if (validate(value)) return [];
	return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The paging envelope of every HSDS list (components/schemas/Page of the official OpenAPI, plus `contents`). */
export function pageEnvelopeErrors(body: unknown): string[] {
	const page = body as Record<string, unknown>;
	const errors: string[] = [];
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
