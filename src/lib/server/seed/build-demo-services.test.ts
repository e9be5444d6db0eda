import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceTaxonomy } from '../taxonomy/reference.ts';
import { buildDemoServices, readSeedFiles, type SeedFiles } from './build-demo-services.ts';
import type { HsdsService } from './hsds.ts';

/** The official HSDS 3.1 JSON Schema of a nested service (GET /services/{id}). */
const SCHEMA_PATH = 'data/hsds/3.1/schema/compiled/service.json';

let files: SeedFiles;
let services: HsdsService[];

beforeAll(() => {
	files = readSeedFiles();
	services = buildDemoServices(files);
}, 30_000);

const codesOf = (s: HsdsService, taxonomy: string) =>
	s.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy).map((a) => a.taxonomy_term.code);

describe('buildDemoServices', () => {
	it('builds more than 1,000 active services with distinct ids', () => {
		expect(services.length).toBeGreaterThanOrEqual(1000);
		expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
		expect(services.every((s) => s.status === 'active')).toBe(true);
	});

	it('is deterministic: the same files give the same records', { timeout: 30_000 }, () => {
		expect(JSON.stringify(buildDemoServices(files))).toBe(JSON.stringify(services));
	});

	it('classifies every service under an area and one of its sub-categories', () => {
		const reference = loadReferenceTaxonomy().terms.filter((t) => t.taxonomy === 'aree-di-bisogno');
		const parentOf = new Map(reference.map((t) => [t.code, t.parentCode]));
		const unclassified = services.filter((s) => {
			const codes = codesOf(s, 'aree-di-bisogno');
			const subs = codes.filter((c) => parentOf.get(c));
			return subs.length === 0 || subs.some((sub) => !codes.includes(parentOf.get(sub)!));
		});
		expect(unclassified.map((s) => s.name)).toEqual([]);
		const used = new Set(services.flatMap((s) => codesOf(s, 'aree-di-bisogno')));
		expect(reference.filter((t) => !used.has(t.code)).map((t) => t.code)).toEqual([]);
	});

	it('gives every place a Milan address with a five-digit CAP, and coordinates inside the city where known', () => {
		const locations = services.flatMap((s) => s.service_at_locations.map((sal) => ({ ...sal.location, service: s.name })));
		const badAddresses = locations.filter(({ addresses: [a] }) => {
			return !/^201(2[1-9]|[3-5]\d|6[0-2])$/.test(a!.postal_code) || a!.city !== 'Milano' || a!.state_province !== 'MI' || a!.country !== 'IT';
		});
		expect(badAddresses.map((l) => l.service)).toEqual([]);
		const withPoint = locations.filter((l) => l.latitude !== undefined);
		expect(withPoint.length).toBeGreaterThan(services.length * 0.9);
		expect(withPoint.filter((l) => l.latitude! < 45.38 || l.latitude! > 45.54).map((l) => l.service)).toEqual([]);
	});

	it('keeps one service per sports site and never lists a pool twice', () => {
		const sports = services.filter((s) => s.x_source === 'comune-milano-ds629');
		expect(sports).toHaveLength(130);
		expect(services.filter((s) => s.x_source === 'comune-milano-ds32').length).toBeLessThan(5);
	});

	it('produces valid HSDS 3.1 service objects (official JSON Schema, x_ extensions allowed)', { timeout: 60_000 }, () => {
		const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
		// The HSDS schema has its own annotation keywords (constraints, core, datapackage_type...).
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		expect(schema.additionalProperties).toBeUndefined(); // x_ fields are additional properties
		const isValid = (value: unknown): boolean => validate(value);
		const failures = services
			.filter((s) => !isValid(s))
			.slice(0, 5)
			.map((s) => `${s.name}: ${ajv.errorsText(validate.errors)}`);
		expect(failures).toEqual([]);
		// The schema must be able to fail: a service without a name is rejected.
		expect(isValid({ ...services[0], name: undefined })).toBe(false);
	});
});
