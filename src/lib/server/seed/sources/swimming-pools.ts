/**
 * Municipal swimming pools (Comune di Milano, ds32 "Centri balneari") -> "Tempo libero" /
 * "Sport". Almost every pool is also a site of the sports-facilities file (ds629), so a pool
 * near a ds629 site is folded into that site's service instead of appearing twice; only the
 * others become services of their own. Rows at the same address (an indoor and an outdoor
 * pool, "CARDELLINO" and "CARDELLINO (25mt)") are one place.
 */
import type { SeedContext } from '../context.ts';
import type { ServiceDraft } from '../hsds.ts';
import { COMUNE_DI_MILANO } from '../organizations.ts';
import { joinItalian, titleCase } from '../text.ts';
import { readableAddress } from './schools.ts';
import { SWIMMING, type SportSite } from './sports-facilities.ts';

export const POOLS_SOURCE = 'comune-milano-ds32';

type Props = { OBJECTID: string; DENOMINAZIONE: string; INDIRIZZO: string; MUNICIPIO: string; x: number; y: number };

export type PoolSite = { names: string[]; address: string; latitude: number; longitude: number };

export function readPools(geojsonText: string, ctx: SeedContext): PoolSite[] {
	const { features } = JSON.parse(geojsonText) as { features: { properties: Props }[] };
	const byAddress = new Map<string, PoolSite>();
	for (const { properties: p } of features) {
		const point = { latitude: p.y, longitude: p.x };
		if (!ctx.inMilan(point)) continue;
		const address = readableAddress(p.INDIRIZZO);
		const name = titleCase(p.DENOMINAZIONE.replace(/\s*\(.*\)\s*$/, '').trim()).replace(/'$/, '');
		const site = byAddress.get(address);
		if (site) {
			if (!site.names.includes(name)) site.names.push(name);
		} else {
			byAddress.set(address, { names: [name], address, ...point });
		}
	}
	return [...byAddress.values()];
}

/** How close a pool must be to a ds629 site to be the same place (metres). */
const SAME_PLACE = 60;
const SAME_POOL = 300;

/**
 * Folds each pool into the nearest sports site that is the same place: within 60 m, or within
 * 300 m when that site already offers swimming. Returns the services of the pools left over.
 */
export function mergePools(pools: PoolSite[], sites: SportSite[], ctx: SeedContext): ServiceDraft[] {
	const standalone: ServiceDraft[] = [];
	for (const pool of pools) {
		let best: { site: SportSite; distance: number } | undefined;
		for (const site of sites) {
			const distance = metres(pool, site);
			const swims = site.sports.some((s) => SWIMMING.has(s)) || /piscina|balneare/i.test(site.draft.name);
			if (distance <= SAME_PLACE || (distance <= SAME_POOL && swims)) {
				if (!best || distance < best.distance) best = { site, distance };
			}
		}
		const poolNames = joinItalian(pool.names.map((n) => `«${n}»`));
		if (best) {
			const draft = best.site.draft;
			const sentence = `Comprende il centro balneare comunale ${poolNames} (${pool.address}).`;
			if (!draft.description.includes(sentence)) draft.description += ` ${sentence}`;
			draft.x_keywords = [...new Set([...(draft.x_keywords ?? []), 'piscina', 'nuoto', 'centro balneare'])];
			continue;
		}
		const name = `Centro balneare ${pool.names[0]}`;
		standalone.push({
			key: `${POOLS_SOURCE}:${pool.address}`,
			name,
			description: `Piscina comunale ${poolNames} in ${pool.address}, del Comune di Milano.`,
			organization: COMUNE_DI_MILANO,
			location: {
				name,
				address: pool.address,
				postalCode: ctx.postalCode(pool.address, pool),
				latitude: pool.latitude,
				longitude: pool.longitude,
				externalIdentifier: pool.address,
				externalIdentifierType: 'comune-milano-ds32-indirizzo'
			},
			subcategories: ['sport'],
			audiences: ['minori-6-14', 'adolescenti-giovani', 'adulti'],
			x_source: POOLS_SOURCE,
			x_audience_description: 'Bambini, ragazzi e adulti che vogliono nuotare o frequentare corsi in acqua.',
			x_how_to_access: 'Orari, corsi e tariffe cambiano con la stagione: informarsi presso la piscina o chiamare lo 020202.',
			feesDescription: "Ingresso a pagamento secondo le tariffe della piscina.",
			x_channel: 'physical',
			x_keywords: ['piscina', 'nuoto', 'centro balneare', 'sport']
		});
	}
	return standalone;
}

function metres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const dy = (a.latitude - b.latitude) * 111_320;
	const dx = (a.longitude - b.longitude) * 111_320 * Math.cos((a.latitude * Math.PI) / 180);
	return Math.hypot(dx, dy);
}
