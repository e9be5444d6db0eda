import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHsdsService } from './hsds-service.input.ts';
import type { ImportItem } from './import-services.ts';
import { readDataPackage } from './read-data-package.ts';

const root = mkdtempSync(path.join(tmpdir(), 'piazza-datapackage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ORG = '11111111-1111-4111-8111-111111111111';
const SERVICE = '22222222-2222-4222-8222-222222222222';
const LOCATION = '33333333-3333-4333-8333-333333333333';
const SAL = '44444444-4444-4444-8444-444444444444';
const PHONE = '55555555-5555-4555-8555-555555555555';
const CONTACT = '66666666-6666-4666-8666-666666666666';

let n = 0;
function writePackage(files: Record<string, string>): string {
	const dir = path.join(root, `p${n++}`);
	cpSync(path.join('data/hsds/3.1/examples/csv'), dir, { recursive: true });
	// start from the official layout, with only the tables given here holding rows
	const base: Record<string, string> = {
		'organizations.csv': `id,name,description\n${ORG},Ente,\n`,
		'services.csv': `id,organization_id,name,status,minimum_age\n${SERVICE},${ORG},Servizio,active,12\n`,
		'locations.csv': `id,name,latitude,longitude\n${LOCATION},Sede,45.46,9.19\n`,
		'service_at_location.csv': `id,service_id,location_id\n${SAL},${SERVICE},${LOCATION}\n`,
		'contacts.csv': `id,service_id,name\n${CONTACT},${SERVICE},Anna\n`,
		'phones.csv': `id,contact_id,service_id,number\n${PHONE},${CONTACT},,02 1\n`
	};
	for (const file of ['accessibility', 'addresses', 'attributes', 'cost_options', 'languages', 'schedules', 'service_areas', 'required_documents', 'taxonomies', 'taxonomy_terms']) {
		writeFileSync(path.join(dir, `${file}.csv`), 'id\n');
	}
	for (const [file, text] of Object.entries({ ...base, ...files })) writeFileSync(path.join(dir, file), text);
	return dir;
}

async function read(dir: string) {
	const items: ImportItem[] = [];
	for await (const item of readDataPackage(dir, { chunkSize: 7 })) items.push(item);
	return {
		rejected: items.flatMap((i) => ('rejected' in i ? [`${i.rejected.where}: ${i.rejected.reasons.join('; ')}`] : [])),
		records: items.flatMap((i) => ('record' in i ? [i] : []))
	};
}

describe('readDataPackage', () => {
	it('nests every row under its most specific parent', async () => {
		const { rejected, records } = await read(writePackage({}));
		expect(rejected).toEqual([]);
		expect(records).toHaveLength(1);
		const record = records[0]!.record as Record<string, unknown>;
		expect(records[0]!.where).toBe('services.csv riga 2');
		expect(record).toMatchObject({
			id: SERVICE,
			minimum_age: 12,
			organization: { id: ORG, name: 'Ente' },
			service_at_locations: [{ id: SAL, location: { id: LOCATION, latitude: 45.46, longitude: 9.19 } }],
			contacts: [{ id: CONTACT, phones: [{ id: PHONE, number: '02 1' }] }]
		});
		expect(record.phones).toBeUndefined();
		expect(parseHsdsService(record).ok).toBe(true);
	});

	it('leaves out, with file and line, rows of the wrong width, repeated ids and dangling foreign keys', async () => {
		const other = '77777777-7777-4777-8777-777777777777';
		const { rejected, records } = await read(
			writePackage({
				'phones.csv': `id,contact_id,service_id,number\n${PHONE},${CONTACT},,02 1\n${PHONE},,${SERVICE},02 2\n${other},,99999999-9999-4999-8999-999999999999,02 3\n${other.replace('7777-4', '7778-4')},,,02 4\n1,2\n`,
				'locations.csv': `id,name,latitude,longitude,organization_id\n${LOCATION},Sede,45.46,9.19,${other}\n`
			})
		);
		expect(rejected).toEqual([
			`locations.csv riga 2: organization_id: nessun record con id ${other} in organizations.csv (mancante o scartato)`,
			`service_at_location.csv riga 2: location_id: nessun record con id ${LOCATION} in locations.csv (mancante o scartato)`,
			'phones.csv riga 3: id ripetuto: lo stesso id compare già in phones.csv riga 2',
			'phones.csv riga 4: service_id: nessun record con id 99999999-9999-4999-8999-999999999999 in services.csv (mancante o scartato)',
			'phones.csv riga 5: manca il collegamento (contact_id o service_at_location_id o location_id o service_id)',
			"phones.csv riga 6: la riga ha 2 campi, l'intestazione ne ha 4"
		]);
		expect(records).toHaveLength(1);
	});

	it('traces a validation problem back to its file and line', async () => {
		const { records } = await read(
			writePackage({ 'locations.csv': `id,name,latitude,longitude\n${LOCATION},Sede,100,abc\n` })
		);
		const item = records[0]!;
		const parsed = parseHsdsService(item.record);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.issues.map((i) => item.locate!(i.path, i.message))).toEqual([
			'locations.csv riga 2: latitude: deve essere un numero tra -90 e 90',
			'locations.csv riga 2: longitude: deve essere un numero tra -180 e 180'
		]);
	});

	it('stops at malformed CSV and at a directory that is not a package', async () => {
		await expect(read(writePackage({ 'phones.csv': `id,number\n${PHONE},"02 1\n` }))).rejects.toThrow(
			'phones.csv riga 2: campo tra virgolette non chiuso fino alla fine del file'
		);
		const empty = path.join(root, 'empty');
		cpSync(path.join('data/hsds/3.1/examples/csv/url.csv'), path.join(empty, 'url.csv'));
		await expect(read(empty)).rejects.toThrow('non è un pacchetto dati HSDS (manca datapackage.json)');
	});
});
