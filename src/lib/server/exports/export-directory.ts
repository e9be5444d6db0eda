/**
 * The whole directory as open data, in four formats, written to disk a batch of services at a
 * time (streamHsdsServices: one batch in memory, never the directory):
 * - `hsds-json`: a JSON array of fully nested HSDS 3.1 services (what `npm run import` reads);
 * - `datapackage`: the HSDS tabular data package, datapackage.json + one CSV per table with the
 *   official columns (a directory, or a zip when the target ends in .zip);
 * - `csv`: one flat table for spreadsheets, Italian headers, UTF-8 with BOM, `;`-separated,
 *   one row per service and place;
 * - `geojson`: the places as a FeatureCollection of points, each with the services held there.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { DbOrTx } from '../db/client.ts';
import { formatOpeningHours, openingHoursLineText } from '../../format/opening-hours.ts';
import { streamHsdsServices, type StreamServicesOptions } from '../hsds/stream-services.ts';
import type { HsdsContact, HsdsPhone, HsdsSchedule, HsdsService } from '../hsds/types.ts';
import { HSDS_TABLES, SERVICE_EXTENSION_COLUMNS, columnType } from '../imports/hsds-tables.ts';
import { deriveFreeOfCharge } from '../imports/upsert-service.ts';
import { AREAS_TAXONOMY } from '../taxonomy/reference.ts';
import { csvLine } from './csv-line.ts';
import { writeZip } from './zip-writer.ts';

export const EXPORT_FORMATS = ['hsds-json', 'datapackage', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportOptions = {
	/** Public origin of the portal, for the links to the service pages. */
	origin: string;
	/** The generation date written into the data package and the GeoJSON. */
	generatedAt?: Date;
	/** Only services with these statuses (the public downloads: active ones); default every one. */
	statuses?: StreamServicesOptions['statuses'];
};

export const LICENSE = {
	name: 'CC-BY-4.0',
	title: 'Creative Commons Attribuzione 4.0 Internazionale',
	path: 'https://creativecommons.org/licenses/by/4.0/deed.it'
};

/** A text file written line by line, waiting when the disk is slower than the database. */
function openWriter(file: string) {
	const out = createWriteStream(file, { encoding: 'utf8' });
	return {
		async write(text: string) {
			if (!out.write(text)) await once(out, 'drain');
		},
		async close() {
			out.end();
			await once(out, 'finish');
		}
	};
}

export async function exportDirectory(db: DbOrTx, format: ExportFormat, target: string, options: ExportOptions) {
	await mkdir(path.dirname(path.resolve(target)), { recursive: true });
	switch (format) {
		case 'hsds-json':
			return exportHsdsJson(db, target, options);
		case 'datapackage':
			return exportDataPackage(db, target, options);
		case 'csv':
			return exportFlatCsv(db, target, options);
		case 'geojson':
			return exportGeoJson(db, target, options);
	}
}

async function exportHsdsJson(db: DbOrTx, target: string, options: ExportOptions) {
	const out = openWriter(target);
	let first = true;
	await out.write('[');
	for await (const batch of streamHsdsServices(db, { statuses: options.statuses })) {
		for (const s of batch) {
			await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(s)}`);
			first = false;
		}
	}
	await out.write(first ? ']\n' : '\n]\n');
	await out.close();
}

type Row = Record<string, unknown> & { id: string };

/** Every row of one nested service, by HSDS resource name, children after their parents. */
function* tableRows(s: HsdsService): Generator<[string, Row]> {
	function* phones(list: readonly HsdsPhone[]): Generator<[string, Row]> {
		for (const p of list) {
			yield ['phone', p];
			for (const l of p.languages) yield ['language', l];
		}
	}
	function* contacts(list: readonly HsdsContact[]): Generator<[string, Row]> {
		for (const c of list) {
			yield ['contact', c];
			yield* phones(c.phones);
		}
	}
	const schedules = (list: readonly HsdsSchedule[]) => list.map((x): [string, Row] => ['schedule', x]);
	yield ['organization', s.organization];
	yield ['service', s];
	yield* phones(s.phones);
	yield* contacts(s.contacts);
	yield* schedules(s.schedules);
	for (const l of s.languages) yield ['language', l];
	for (const a of s.service_areas) yield ['service_area', a];
	for (const c of s.cost_options) yield ['cost_option', c];
	for (const d of s.required_documents) yield ['required_document', d];
	for (const a of s.attributes) {
		if (a.taxonomy_term.taxonomy_detail) yield ['taxonomy', a.taxonomy_term.taxonomy_detail];
		yield ['taxonomy_term', a.taxonomy_term];
		yield ['attribute', a];
	}
	for (const sal of s.service_at_locations) {
		const loc = sal.location;
		yield ['location', loc];
		for (const a of loc.addresses) yield ['address', a];
		for (const a of loc.accessibility) yield ['accessibility', a];
		yield* phones(loc.phones);
		yield* contacts(loc.contacts);
		yield* schedules(loc.schedules);
		for (const l of loc.languages) yield ['language', l];
		yield ['service_at_location', sal];
		yield* phones(sal.phones);
		yield* contacts(sal.contacts);
		yield* schedules(sal.schedules);
		for (const a of sal.service_areas) yield ['service_area', a];
	}
}

const columnsOf = (resource: string) => {
	const table = HSDS_TABLES.find((t) => t.resource === resource)!;
	return resource === 'service' ? [...table.columns, ...SERVICE_EXTENSION_COLUMNS] : table.columns;
};

async function exportDataPackage(db: DbOrTx, target: string, options: ExportOptions) {
	const zipped = target.endsWith('.zip');
	const dir = zipped ? await mkdtemp(`${target}.tmp-`) : target;
	try {
		await mkdir(dir, { recursive: true });
		const writers = new Map(
			HSDS_TABLES.map((t) => [t.resource, { writer: openWriter(path.join(dir, t.file)), seen: new Set<string>() }])
		);
		for (const t of HSDS_TABLES) await writers.get(t.resource)!.writer.write(csvLine(columnsOf(t.resource)));
		for await (const batch of streamHsdsServices(db, { statuses: options.statuses })) {
			for (const s of batch) {
				for (const [resource, row] of tableRows(s)) {
					const table = writers.get(resource)!;
					// shared rows (an organization, a place and its details, a term) are written once
					if (table.seen.has(row.id)) continue;
					table.seen.add(row.id);
					await table.writer.write(csvLine(columnsOf(resource).map((c) => row[c])));
				}
			}
		}
		for (const { writer } of writers.values()) await writer.close();
		const descriptor = openWriter(path.join(dir, 'datapackage.json'));
		await descriptor.write(`${JSON.stringify(dataPackageDescriptor(options), null, 2)}\n`);
		await descriptor.close();
		if (zipped) {
			const entries = ['datapackage.json', ...HSDS_TABLES.map((t) => t.file)].map((name) => ({
				name,
				file: path.join(dir, name)
			}));
			await writeZip(`${target}.partial`, entries, options.generatedAt);
			await rename(`${target}.partial`, target);
		}
	} finally {
		if (zipped) await rm(dir, { recursive: true, force: true });
	}
}

function dataPackageDescriptor(options: ExportOptions) {
	return {
		profile: 'tabular-data-package',
		name: 'piazza-servizi-sociali-milano',
		title: 'Piazza: servizi sociali per le famiglie di Milano (HSDS 3.1)',
		homepage: `${options.origin}/open-data`,
		version: '3.1',
		created: (options.generatedAt ?? new Date()).toISOString(),
		licenses: [LICENSE],
		resources: HSDS_TABLES.map((t) => ({
			name: t.resource,
			path: t.file,
			profile: 'tabular-data-resource',
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			schema: {
				primaryKey: 'id',
				fields: columnsOf(t.resource).map((name) => ({ name, type: columnType(name) }))
			}
		}))
	};
}

export const FLAT_CSV_HEADERS = [
	'Nome servizio',
	'Ente',
	'Area',
	'Sotto-categoria',
	'Indirizzo',
	'CAP',
	'Comune',
	'Municipio',
	'Quartiere (NIL)',
	'Telefono',
	'Email',
	'Sito web',
	'Orari',
	'Gratuito',
	'Stato',
	'Ultima verifica',
	'Link alla scheda',
	'Latitudine',
	'Longitudine',
	'Id servizio',
	'Id luogo'
] as const;

const camelSchedule = (s: HsdsSchedule) => ({
	freq: s.freq,
	byday: s.byday,
	opensAt: s.opens_at,
	closesAt: s.closes_at,
	validFrom: s.valid_from,
	validTo: s.valid_to,
	description: s.description
});

const hoursText = (schedules: readonly HsdsSchedule[]) =>
	formatOpeningHours(schedules.map(camelSchedule)).map(openingHoursLineText).join('; ');

/** Area and sub-category names of a service: reference terms without and with a parent. */
function areasOf(s: HsdsService) {
	const terms = s.attributes.map((a) => a.taxonomy_term).filter((t) => t.taxonomy === AREAS_TAXONOMY);
	return {
		areas: terms.filter((t) => !t.parent_id).map((t) => t.name),
		subcategories: terms.filter((t) => t.parent_id).map((t) => t.name)
	};
}

const serviceLink = (s: HsdsService, origin: string) => `${origin}/servizi/${encodeURIComponent(s.x_slug)}`;

async function exportFlatCsv(db: DbOrTx, target: string, options: ExportOptions) {
	const out = openWriter(target);
	await out.write(`\uFEFF${csvLine(FLAT_CSV_HEADERS, ';')}`);
	for await (const batch of streamHsdsServices(db, { statuses: options.statuses })) {
		for (const s of batch) {
			const { areas, subcategories } = areasOf(s);
			const free = deriveFreeOfCharge(s.cost_options, s.fees_description);
			const places = s.service_at_locations.length > 0 ? s.service_at_locations : [null];
			for (const sal of places) {
				const loc = sal?.location;
				const address = loc?.addresses[0];
				const phones = [s.phones, sal?.phones ?? [], loc?.phones ?? []].find((list) => list.length > 0) ?? [];
				const schedules = [sal?.schedules ?? [], s.schedules, loc?.schedules ?? []].find((l) => l.length > 0) ?? [];
				await out.write(
					csvLine(
						[
							s.name,
							s.organization.name,
							areas.join(', '),
							subcategories.join(', '),
							[address?.address_1, address?.address_2].filter(Boolean).join(', '),
							address?.postal_code,
							address?.city,
							loc?.x_municipio,
							loc?.x_nil_name,
							phones.map((p) => p.number).join(' / '),
							s.email ?? s.organization.email,
							s.url ?? s.organization.website,
							hoursText(schedules),
							free === null ? '' : free ? 'sì' : 'no',
							s.status,
							s.assured_date,
							serviceLink(s, options.origin),
							loc?.latitude,
							loc?.longitude,
							s.id,
							loc?.id
						],
						';'
					)
				);
			}
		}
	}
	await out.close();
}

type Feature = {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: {
		nome: string | null;
		indirizzo: string | null;
		municipio: number | null;
		quartiere: string | null;
		servizi: { id: string; nome: string; link: string; aree: string[] }[];
	};
};

async function exportGeoJson(db: DbOrTx, target: string, options: ExportOptions) {
	// a place is one feature with every service held there: grouped before writing
	const features = new Map<string, Feature>();
	for await (const batch of streamHsdsServices(db, { statuses: options.statuses })) {
		for (const s of batch) {
			for (const { location: loc } of s.service_at_locations) {
				if (loc.latitude == null || loc.longitude == null) continue;
				let feature = features.get(loc.id);
				if (!feature) {
					const address = loc.addresses[0];
					feature = {
						type: 'Feature',
						id: loc.id,
						geometry: { type: 'Point', coordinates: [loc.longitude, loc.latitude] },
						properties: {
							nome: loc.name ?? null,
							indirizzo: address ? [address.address_1, address.postal_code, address.city].filter(Boolean).join(', ') : null,
							municipio: loc.x_municipio ?? null,
							quartiere: loc.x_nil_name ?? null,
							servizi: []
						}
					};
					features.set(loc.id, feature);
				}
				feature.properties.servizi.push({
					id: s.id,
					nome: s.name,
					link: serviceLink(s, options.origin),
					aree: areasOf(s).areas
				});
			}
		}
	}
	const out = openWriter(target);
	const header = {
		type: 'FeatureCollection',
		name: 'piazza-luoghi',
		licenza: LICENSE,
		generato: (options.generatedAt ?? new Date()).toISOString()
	};
	await out.write(`${JSON.stringify(header).slice(0, -1)},"features":[`);
	let first = true;
	for (const feature of features.values()) {
		await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(feature)}`);
		first = false;
	}
	await out.write('\n]}\n');
	await out.close();
}
