/**
 * Milan's street register (stradario: street + house number -> CAP and municipio, no coordinates)
 * for geocoding and address autocomplete. The same parser and matcher the seed uses
 * (seed/stradario.ts), read once per process from data/seed/milano/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStreetAddress, Stradario, type Street } from '../seed/stradario.ts';
import { readableNilName } from './locate.ts';

export const STREET_REGISTER_FILE = 'data/seed/milano/stradario_civici_cap_sezione_municipio.csv';

let register: Stradario | undefined;

export function getStreetRegister(): Stradario {
	register ??= new Stradario(readFileSync(path.resolve(process.cwd(), STREET_REGISTER_FILE), 'utf8'));
	return register;
}

/** The register's street-kind abbreviations, as people write them. */
const KIND_NAMES: Record<string, string> = {
	VIA: 'Via', VLE: 'Viale', PZA: 'Piazza', CSO: 'Corso', PLE: 'Piazzale', LGO: 'Largo', ALZ: 'Alzaia',
	RIP: 'Ripa', VLO: 'Vicolo', GLL: 'Galleria', PTA: 'Piazzetta', BNI: 'Bastioni', BST: 'Bastioni',
	STO: 'Sottopassaggio', STR: 'Strada', PAS: 'Passaggio', SDA: 'Strada', PCO: 'Parco', GNO: 'Giardino'
};

/** "VIA", "PADOVA" -> "Via Padova"; "VLE", "ABRUZZI" -> "Viale Abruzzi". */
export function streetLabel(street: Pick<Street, 'kind' | 'name'>): string {
	const kind = KIND_NAMES[street.kind] ?? readableNilName(street.kind);
	return `${kind} ${readableNilName(street.name)}`;
}

export type AddressSuggestion = {
	/** "Via Padova 36, 20127" with a house number the register knows, else "Via Padova". */
	label: string;
	postalCode: string | null;
	municipio: number | null;
};

export const MAX_ADDRESS_SUGGESTIONS = 8;

type IndexedStreet = { street: Street; words: string[]; label: string };
let index: { stradario: Stradario; streets: IndexedStreet[] } | undefined;

function indexedStreets(stradario: Stradario): IndexedStreet[] {
	if (index?.stradario !== stradario) {
		const streets = stradario.allStreets.map((street) => ({
			street,
			words: [...street.words],
			label: streetLabel(street)
		}));
		index = { stradario, streets };
	}
	return index.streets;
}

/**
 * Streets whose names contain every typed word as a word start ("via pad" -> Via Padova,
 * "buenos" -> Corso Buenos Aires), best first: same street kind, whole words, fewer other words.
 * The last word may be unfinished. With a house number the register knows, the suggestion
 * carries it and its CAP.
 */
export function suggestAddresses(
	text: string,
	limit = MAX_ADDRESS_SUGGESTIONS,
	stradario: Stradario = getStreetRegister()
): AddressSuggestion[] {
	const parsed = parseStreetAddress(text);
	const typed = [...parsed.words];
	// words() drops one-letter words; while typing, a last single letter is still a useful prefix.
	const lastLetter = /(?:^|\s)(\p{L})$/u.exec(text.trim())?.[1];
	if (lastLetter) typed.push(lastLetter.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
	if (typed.length === 0) return [];
	const last = typed.at(-1)!;
	const scored: { entry: IndexedStreet; score: number }[] = [];
	for (const entry of indexedStreets(stradario)) {
		let score = 0;
		const all = typed.every((w) => {
			// The word being typed counts as a prefix even when it is already a whole word.
			if (w !== last && entry.street.words.has(w)) return (score += 3), true;
			return entry.words.some((sw) => sw.startsWith(w)) && ((score += 1), true);
		});
		if (!all) continue;
		if (parsed.kind === entry.street.kind) score += 2;
		score -= entry.words.length - typed.length;
		scored.push({ entry, score });
	}
	// Plain code-point order breaks ties: localeCompare() would cost more than the whole scan.
	scored.sort((a, b) => b.score - a.score || (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0));
	return scored.slice(0, Math.max(1, Math.min(limit, MAX_ADDRESS_SUGGESTIONS))).map(({ entry }) => {
		const house =
			parsed.number === undefined ? undefined : entry.street.numbers.find((n) => n.number === parsed.number);
		return house
			? { label: `${entry.label} ${house.number}, ${house.postalCode}`, postalCode: house.postalCode, municipio: house.municipio }
			: { label: entry.label, postalCode: null, municipio: null };
	});
}
