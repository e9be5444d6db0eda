import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { hsdsSchemaErrors } from '#tests/hsds-schemas.ts';
import { importServices } from '../imports/import-services.ts';
import { buildDemoServices } from '../seed/build-demo-services.ts';
import { loadHsdsServices } from './load-services.ts';
import { streamHsdsServices } from './stream-services.ts';
import type { HsdsService } from './types.ts';

/** Every 12th demo service (about 150, every seed source) and the official example service. */
const demo = buildDemoServices().filter((_, i) => i % 12 === 0);
const example = JSON.parse(readFileSync('data/hsds/3.1/examples/service_full.json', 'utf8'));
// the example ships latitude 100 / longitude 101, which no point on Earth has
example.service_at_locations[0].location.latitude = 45.4781;
example.service_at_locations[0].location.longitude = 9.2256;

/** A closed service: exports carry the whole directory, unless asked for some statuses only. */
const closed = {
	id: '7d1f0c52-5b8e-4d0e-9a51-2c3b4d5e6f70',
	name: 'Sportello chiuso',
	status: 'defunct',
	organization: demo[0]!.organization
};

let source: TestDb;
let copy: TestDb;
beforeAll(async () => {
	[source, copy] = await Promise.all([createTestDb(), createTestDb()]);
	const report = await importServices(source.db, [...demo, example, closed]);
	expect(report.rejected).toEqual([]);
});
afterAll(async () => {
	await Promise.all([source?.destroy(), copy?.destroy()]);
});

async function collect(db: TestDb['db'], batchSize?: number): Promise<HsdsService[][]> {
	const batches: HsdsService[][] = [];
	for await (const batch of streamHsdsServices(db, { batchSize })) batches.push(batch);
	return batches;
}

/** A service without the time of its last change, which a re-import renews. */
const withoutTimestamp = ({ last_modified: _lastModified, ...rest }: HsdsService) => rest;

describe('streamHsdsServices', () => {
	it('yields every service once, in batches ordered by id', async () => {
		const total = demo.length + 2;
		const batches = await collect(source.db, 40);
		expect(total % 40).not.toBe(0);
		expect(batches.map((b) => b.length)).toEqual([...Array(Math.floor(total / 40)).fill(40), total % 40]);
		const ids = batches.flat().map((s) => s.id);
		expect(ids).toEqual([...ids].sort());
		expect(new Set(ids).size).toBe(total);
	});

	it('yields only the statuses asked for', async () => {
		const active: HsdsService[] = [];
		for await (const batch of streamHsdsServices(source.db, { statuses: ['active'] })) active.push(...batch);
		expect(active).toHaveLength(demo.length + 1);
		expect(active.map((s) => s.id)).not.toContain(closed.id);
		const defunct: HsdsService[] = [];
		for await (const batch of streamHsdsServices(source.db, { statuses: ['defunct', 'inactive'] })) defunct.push(...batch);
		expect(defunct.map((s) => s.id)).toEqual([closed.id]);
	});

	it('serializes full services that validate against the official compiled schema', async () => {
		const services = (await collect(source.db)).flat();
		const failures = services.flatMap((s) => hsdsSchemaErrors('compiled/service', s).map((e) => `${s.name}: ${e}`));
		expect(failures).toEqual([]);
		// the schema can fail: a service without its status is rejected
		expect(hsdsSchemaErrors('compiled/service', { ...services[0], status: undefined })).not.toEqual([]);
	});

	it('nests every child record under its parent', async () => {
		const [served] = await loadHsdsServices(source.db, [example.id]);
		const sal = served!.service_at_locations[0]!;
		expect(sal.location.id).toBe(example.service_at_locations[0].location.id);
		expect(sal.location.addresses.map((a) => a.id)).toEqual(
			example.service_at_locations[0].location.addresses.map((a: { id: string }) => a.id)
		);
		expect(served!.phones[0]!.languages.map((l) => l.code)).toEqual(['ur']);
		expect(served!.contacts[0]!.phones.length).toBeGreaterThan(0);
		expect(served!.cost_options[0]!.amount).toBe(example.cost_options[0].amount);
		expect(served!.attributes[0]!.taxonomy_term.name).toBe(example.attributes[0].taxonomy_term.name);
		expect(served!.organization.id).toBe(example.organization.id);
	});

	it('loads a page of services in a fixed number of queries, however many services', async () => {
		const ids = (await collect(source.db)).flat().map((s) => s.id);
		const queriesFor = async (n: number) => {
			let selects = 0;
			// every read of loadHsdsServices is one db.select(): count them
			const counting = new Proxy(source.db, {
				get(target, key, receiver) {
					const value = Reflect.get(target, key, receiver);
					if (key !== 'select') return value;
					return (...args: unknown[]) => {
						selects++;
						return (value as (...a: unknown[]) => unknown).apply(target, args);
					};
				}
			});
			expect(await loadHsdsServices(counting, ids.slice(0, n))).toHaveLength(n);
			return selects;
		};
		const one = await queriesFor(1);
		expect(one).toBeGreaterThan(5); // the reads were counted
		expect(one).toBeLessThanOrEqual(13);
		expect(await queriesFor(100)).toBe(one);
	});

	it('gives back the same directory when what it yields is imported into an empty database', async () => {
		const first = (await collect(source.db)).flat();
		const report = await importServices(copy.db, first);
		expect(report.rejected).toEqual([]);
		expect(report.created).toBe(first.length);
		const second = (await collect(copy.db)).flat();
		expect(second.map(withoutTimestamp)).toEqual(first.map(withoutTimestamp));
	});
});
