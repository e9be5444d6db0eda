/**
 * Municipal sports facilities (Comune di Milano, ds629, 2020) -> one service per site, area
 * "Tempo libero" / "Sport". The file has one feature per sport or field type (407 rows for 130
 * sites); rows are grouped by street + house number/CAP as SOURCES.md prescribes, and a site
 * lists every sport, facility and operator of its rows.
 */
import type { SeedContext } from '../context.ts';
import type { OrganizationDraft, ServiceDraft } from '../hsds.ts';
import { COMUNE_DI_MILANO } from '../organizations.ts';
import { readableNilName } from '../../geo/locate.ts';
import { endSentence, joinItalian, normalizeEmail, normalizeUrl, present } from '../text.ts';

export const SPORTS_SOURCE = 'comune-milano-ds629';

type Props = {
	Municipio: string;
	VIA: string;
	LOCALITA: string;
	SPECIFICA_LOCALITA: string;
	Tipo: string;
	Note?: string;
	Mail?: string;
	'Sito Internet'?: string;
	Ticketing?: string;
	Gestore?: string;
	NIL?: string;
	Latitudine: number;
	Longitudine: number;
};

/** Sports whose presence makes a site a swimming pool. */
export const SWIMMING = new Set(['Nuoto', 'Pallanuoto', 'Nuoto sincronizzato', 'Attività subacquea']);

/** Site names that say nothing about the place. */
const GENERIC_NAMES = new Set(['Impianto Sportivo', 'Palestra Comunale']);

/** Typos in the `Tipo` column. */
const SPORT_FIXES: Record<string, string> = { Wheelcahir: 'Wheelchair tennis', 'Calcio 7': 'Calcio a 7', Atletica: 'Atletica leggera' };

const ADAPTED = new Set(['Tennis adattato', 'Wheelchair tennis']);

export type SportSite = {
	draft: ServiceDraft;
	sports: string[];
	latitude: number;
	longitude: number;
};

export function convertSportsFacilities(geojsonText: string, ctx: SeedContext): SportSite[] {
	const { features } = JSON.parse(geojsonText) as { features: { properties: Props }[] };
	const groups = new Map<string, Props[]>();
	for (const { properties: p } of features) {
		const key = `${p.VIA.trim()}|${p.LOCALITA.trim()}`;
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	// One organization per operator, with the first contact details the file gives for it.
	const contacts = new Map<string, { email?: string; website?: string }>();
	for (const { properties: p } of features) {
		const operator = present(p.Gestore);
		if (!operator) continue;
		const known = contacts.get(operator) ?? {};
		known.email ??= normalizeEmail(p.Mail);
		known.website ??= normalizeUrl(p['Sito Internet']);
		contacts.set(operator, known);
	}
	const sites: SportSite[] = [];
	for (const [key, rows] of groups) {
		const first = rows[0]!;
		const point = { latitude: first.Latitudine, longitude: first.Longitudine };
		if (!ctx.inMilan(point)) continue;
		const [houseNumber, cap] = first.LOCALITA.split(',').map((s) => s.trim());
		const address = [first.VIA.trim(), houseNumber].filter(Boolean).join(' ');
		const sports = unique(rows.map((r) => SPORT_FIXES[r.Tipo.trim()] ?? r.Tipo.trim()));
		const siteName = pickName(rows);
		const name = siteName ?? `Impianto sportivo di ${address}`;
		const operators = mostFrequentFirst(rows.map((r) => present(r.Gestore)).filter((g): g is string => !!g));
		const main = operators[0];
		const mainRows = rows.filter((r) => present(r.Gestore) === main);
		const email = firstDefined(mainRows.map((r) => normalizeEmail(r.Mail)));
		const website = firstDefined(mainRows.map((r) => normalizeUrl(r['Sito Internet'])));
		const booking = firstDefined(rows.map((r) => normalizeUrl(r.Ticketing)));
		const facilities = unique(
			rows.flatMap((r) => (present(r.Note) ?? '').split('|')).map((n) => n.trim().replace(/[.;,]+$/, '')).filter(Boolean)
		);
		const neighbourhood = present(first.NIL) ? readableNilName(first.NIL!) : undefined;
		const organization: OrganizationDraft = main
			? {
					key: `gestore-sport:${main.toLowerCase()}`,
					name: main,
					description: 'Gestore di impianti sportivi comunali a Milano.',
					...contacts.get(main)
				}
			: COMUNE_DI_MILANO;
		const others = operators.slice(1);
		const swimming = sports.some((s) => SWIMMING.has(s));
		const description = [
			endSentence(`Impianto sportivo comunale in ${address}${neighbourhood ? ` (quartiere ${neighbourhood})` : ''}${main ? `, gestito da ${main}` : ''}`),
			others.length ? endSentence(`Nel centro operano anche ${joinItalian(others)}`) : undefined,
			`Sport praticabili: ${joinItalian(sports.map((s) => s.toLowerCase()))}.`,
			facilities.length ? `Strutture: ${facilities.map(lowerFirst).join('; ')}.` : undefined
		]
			.filter(Boolean)
			.join(' ');
		const keywords = [
			'sport',
			'impianto sportivo',
			'centro sportivo',
			...sports.map((s) => s.toLowerCase()),
			...(sports.some((s) => /^Calc/.test(s)) ? ['calcio', 'campo da calcio', 'calcetto'] : []),
			...(swimming ? ['piscina', 'nuoto'] : []),
			...(sports.some((s) => /Ginnastica|Fitness|Pilates/.test(s)) ? ['palestra'] : [])
		];
		sites.push({
			sports,
			latitude: point.latitude,
			longitude: point.longitude,
			draft: {
				key: `${SPORTS_SOURCE}:${key}`,
				name,
				description,
				organization,
				location: {
					name,
					address,
					postalCode: ctx.postalCode(address, point, cap),
					latitude: point.latitude,
					longitude: point.longitude,
					externalIdentifier: key,
					externalIdentifierType: 'comune-milano-ds629-via-localita'
				},
				url: website,
				email,
				subcategories: ['sport'],
				audiences: [
					'minori-6-14',
					'adolescenti-giovani',
					'adulti',
					...(sports.some((s) => ADAPTED.has(s)) ? ['persone-con-disabilita'] : [])
				],
				x_source: SPORTS_SOURCE,
				x_audience_description: 'Bambini, ragazzi e adulti che vogliono fare sport, da soli, con la famiglia o in una società sportiva.',
				x_how_to_access:
					`Per orari, corsi, iscrizioni e prenotazione dei campi contattare ${main ? 'il gestore' : 'il Comune di Milano'}` +
					`${email ? ` (${email})` : ''}${website ? ` o consultare il sito ${website}` : ''}.` +
					(booking ? ` Alcuni spazi si prenotano online: ${booking}.` : ''),
				x_what_you_get: 'Accesso agli spazi sportivi, a corsi e attività secondo il programma del gestore.',
				feesDescription: 'Tariffe stabilite dal gestore: chiedere direttamente al centro.',
				x_channel: 'physical',
				x_keywords: keywords
			}
		});
	}
	return sites;
}

/** The most telling name of a site: not generic, without the " - Area X" / " - Lotto N" suffix. */
function pickName(rows: Props[]): string | undefined {
	const names = rows
		.map((r) => r.SPECIFICA_LOCALITA.trim())
		.filter((n) => !GENERIC_NAMES.has(n))
		.map((n) => n.replace(/\s+-\s+(Area|Lotto)\b.*$/i, ''));
	const best = mostFrequentFirst(names)[0];
	return best ? best.replace(/\bXxv\b/, 'XXV').replace(/\bC\.S\.\s*/, 'Centro Sportivo ') : undefined;
}

function unique<T>(items: T[]): T[] {
	return [...new Set(items)];
}

/** Distinct values, most frequent first, ties in alphabetical order (deterministic). */
function mostFrequentFirst(items: string[]): string[] {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

function firstDefined<T>(items: (T | undefined)[]): T | undefined {
	return items.find((i) => i !== undefined);
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
