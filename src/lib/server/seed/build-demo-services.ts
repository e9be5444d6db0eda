/**
 * All seed sources -> the nested HSDS services of the demo directory, deterministically: the
 * same files always give the same records with the same ids, in the same order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSeedContext, type SeedContext } from './context.ts';
import { buildService, type HsdsService, type ServiceDraft } from './hsds.ts';
import { convertCareHomes } from './sources/care-homes.ts';
import { convertCuratedServices } from './sources/curated.ts';
import { convertLibraries } from './sources/libraries.ts';
import { convertPharmacies, pharmacyPostalPoints } from './sources/pharmacies.ts';
import { convertSchools } from './sources/schools.ts';
import { convertSportsFacilities } from './sources/sports-facilities.ts';
import { convertSsptOffices } from './sources/sspt-offices.ts';
import { mergePools, readPools } from './sources/swimming-pools.ts';
import { slugify } from '../shared/slug.ts';

/** The raw files under data/seed/ (byte copies of the open data; see docs/data-sources.md). */
export const SEED_FILES = {
	sspt: 'milano/sspt_sedi_ds1303_excerpt_sportello_amico.json',
	sports: 'milano/impianti_sportivi_ds629_2020.geojson',
	pools: 'milano/centri_balneari_ds32.geojson',
	pharmacies: 'milano/farmacie_ministero_salute_geocoded_2018.csv',
	libraries: 'milano/biblioteche_mibact_anagrafe_2018.csv',
	schoolsMiur: 'milano/scuole_miur_anagrafica_2016_17_geocoded.csv',
	schoolsCittaMetropolitana: 'milano/scuole_statali_cittametropolitana_milano.csv',
	careHomes: 'milano/rsa_regione_lombardia_2026.csv',
	stradario: 'milano/stradario_civici_cap_sezione_municipio.csv',
	curated: 'curated-services.json'
} as const;

export type SeedFiles = Record<keyof typeof SEED_FILES, string>;

export function readSeedFiles(dir = path.resolve(process.cwd(), 'data/seed')): SeedFiles {
	const entries = Object.entries(SEED_FILES).map(([k, file]) => [k, readFileSync(path.join(dir, file), 'utf8')]);
	return Object.fromEntries(entries) as SeedFiles;
}

/** The drafts of every source, before ids are derived (exposed for tests and counts). */
export function buildDemoDrafts(files: SeedFiles, ctx?: SeedContext): ServiceDraft[] {
	const context = ctx ?? createSeedContext(files.stradario, pharmacyPostalPoints(files.pharmacies));
	const sportSites = convertSportsFacilities(files.sports, context);
	const pools = mergePools(readPools(files.pools, context), sportSites, context);
	return [
		...convertSsptOffices(files.sspt, context),
		...convertSchools({ miurCsv: files.schoolsMiur, cittaMetropolitanaCsv: files.schoolsCittaMetropolitana }, context),
		...sportSites.map((s) => s.draft),
		...pools,
		...convertCareHomes(files.careHomes, context),
		...convertLibraries(files.libraries, context),
		...convertPharmacies(files.pharmacies, context),
		...convertCuratedServices(files.curated)
	];
}

/** Every demo service as a nested HSDS 3.1 object, sorted by id. */
export function buildDemoServices(files: SeedFiles = readSeedFiles()): HsdsService[] {
	const services = buildDemoDrafts(files).map(buildService);
	const seen = new Map<string, HsdsService>();
	for (const s of services) {
		const other = seen.get(s.id);
		if (other) throw new Error(`Due record con lo stesso id ${s.id}: "${other.name}" e "${s.name}"`);
		seen.set(s.id, s);
	}
	assignReadableSlugs(services);
	return services.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Services that share a name ("Farmacia S. Luca") get the address in their URL segment
 * ("farmacia-s-luca-via-carnevali-70") instead of the importer's id suffix.
 */
function assignReadableSlugs(services: HsdsService[]): void {
	const byName = new Map<string, HsdsService[]>();
	for (const s of services) {
		const key = slugify(s.name);
		byName.set(key, [...(byName.get(key) ?? []), s]);
	}
	for (const group of byName.values()) {
		if (group.length < 2) continue;
		for (const s of group) {
			const address = s.service_at_locations[0]?.location.addresses[0]?.address_1;
			// Short enough that the address survives the importer's 80-character cut.
			if (address) s.x_slug = `${slugify(s.name, 50)}-${slugify(address, 29)}`;
		}
	}
}
