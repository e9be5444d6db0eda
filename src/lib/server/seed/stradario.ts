/**
 * Postal code and municipio of a Milan street address, from the Comune's street register
 * (stradario: house number -> CAP, electoral section, municipio; no coordinates). Several
 * sources give addresses without a CAP ("VIA SEGANTINI, 6", "Via F. Grugnola 3"); the register
 * writes streets surname first and abbreviated ("SEGANTINI GIOVANNI", "A.DEL SARTO"), so streets
 * are matched on their significant words, and a missing house number falls back to the nearest
 * one on the same side of the street.
 */
import { parseCsv } from './csv.ts';

export type StreetPlace = { postalCode: string; municipio: number };

export type HouseNumber = { number: number; postalCode: string; municipio: number };
/** `kind` is the register's abbreviation (VIA, VLE, PZA...), `name` its street name ("AMADEO G.A."). */
export type Street = { code: string; kind: string; name: string; words: Set<string>; numbers: HouseNumber[] };

/** A matched address: its street, and the register's house number nearest the one asked for. */
export type AddressMatch = { street: Street; houseNumber: HouseNumber; exact: boolean };

/** Street kinds as written in addresses -> the register's abbreviation. */
const KINDS: [RegExp, string][] = [
	[/^(viale|v\.le|vle)\b\.?/i, 'VLE'],
	[/^(via|v\.)\b\.?/i, 'VIA'],
	[/^(piazzale|p\.le|ple)\b\.?/i, 'PLE'],
	[/^(piazzetta|p\.tta)\b\.?/i, 'PTA'],
	[/^(piazza|p\.za|p\.zza|pza|p\.)\b\.?/i, 'PZA'],
	[/^(corso|c\.so|cso)\b\.?/i, 'CSO'],
	[/^(largo|l\.go|lgo)\b\.?/i, 'LGO'],
	[/^(alzaia|alz)\b\.?/i, 'ALZ'],
	[/^(ripa|rip)\b\.?/i, 'RIP'],
	[/^(vicolo|v\.lo|vlo)\b\.?/i, 'VLO'],
	[/^(galleria|gll)\b\.?/i, 'GLL'],
	[/^(bastioni|bni)\b\.?/i, 'BNI'],
	[/^(passaggio|pas)\b\.?/i, 'PAS'],
	[/^(strada|str)\b\.?/i, 'STR']
];

/** Words that do not tell streets apart. */
const NOISE = new Set(['DI', 'DE', 'DEL', 'DELLA', 'DELLE', 'DEI', 'DEGLI', 'DA', 'E', 'LA', 'IL', 'LO', 'MILANO']);

export function words(name: string): Set<string> {
	const plain = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[’'`.,/()-]/g, ' ');
	return new Set(plain.split(/\s+/).filter((w) => w.length > 1 && !NOISE.has(w) && !/^\d+$/.test(w)));
}

export type ParsedAddress = { kind: string | undefined; words: Set<string>; number: number | undefined };

/** Splits "Via Augusto Anfossi 25", "VIA SEGANTINI, 6", "P.LE LOTTO, 15" into kind, name words, number. */
export function parseStreetAddress(address: string): ParsedAddress {
	// "VIA OGLIO25" -> "VIA OGLIO 25"
	let rest = address.trim().replace(/(\p{L})(\d)/gu, '$1 $2');
	let kind: string | undefined;
	for (const [pattern, code] of KINDS) {
		const match = pattern.exec(rest);
		if (match) {
			kind = code;
			rest = rest.slice(match[0].length);
			break;
		}
	}
	// The house number is the first number after the street name ("VIA OGLIO 25", "Viale Zara, 96").
	const numberMatch = /(?:,\s*|\s+)(\d+)\s*[a-z]?\s*(?:[/-].*)?$/i.exec(rest) ?? /,\s*(\d+)/.exec(rest);
	const number = numberMatch ? Number(numberMatch[1]) : undefined;
	const name = numberMatch ? rest.slice(0, numberMatch.index) : rest;
	return { kind, words: words(name), number };
}

export class Stradario {
	private readonly streets: Street[];
	private readonly byWord = new Map<string, Street[]>();

	constructor(csvText: string) {
		const byCode = new Map<string, Street>();
		for (const row of parseCsv(csvText, { delimiter: ',' })) {
			const number = Number(row.CIVICO);
			const cap = row.CAP?.trim() ?? '';
			if (!Number.isInteger(number) || !/^\d{3}$/.test(cap)) continue;
			let street = byCode.get(row.CODICE_VIA!);
			if (!street) {
				const name = row.DESCRIZIONE_VIA!.trim();
				street = { code: row.CODICE_VIA!, kind: row.AREA!.trim(), name, words: words(name), numbers: [] };
				byCode.set(row.CODICE_VIA!, street);
			}
			street.numbers.push({ number, postalCode: `20${cap}`, municipio: Number(row.MUNICIPIO) });
		}
		this.streets = [...byCode.values()];
		for (const street of this.streets) {
			street.numbers.sort((a, b) => a.number - b.number);
			for (const w of street.words) {
				const list = this.byWord.get(w) ?? [];
				list.push(street);
				this.byWord.set(w, list);
			}
		}
	}

	/** Every street of the register, in file order. */
	get allStreets(): readonly Street[] {
		return this.streets;
	}

	/** CAP and municipio of an address, or undefined when the street is not in the register. */
	locate(address: string): StreetPlace | undefined {
		const match = this.match(address);
		return match && { postalCode: match.houseNumber.postalCode, municipio: match.houseNumber.municipio };
	}

	/** The street of an address and the nearest house number the register knows on it. */
	match(address: string): AddressMatch | undefined {
		const parsed = parseStreetAddress(address);
		const street = this.findStreet(parsed);
		if (!street) return undefined;
		const target = parsed.number ?? street.numbers[0]!.number;
		const best = [...street.numbers].sort(
			(a, b) =>
				distance(a.number, target) - distance(b.number, target) || a.number - b.number
		)[0]!;
		return { street, houseNumber: best, exact: parsed.number === best.number };
	}

	findStreet(parsed: ParsedAddress): Street | undefined {
		if (parsed.words.size === 0) return undefined;
		const candidates = new Set<Street>();
		for (const w of parsed.words) for (const s of this.byWord.get(w) ?? []) candidates.add(s);
		let best: { street: Street; score: number } | undefined;
		for (const street of candidates) {
			const shared = [...street.words].filter((w) => parsed.words.has(w));
			// One side's significant words must all appear in the other's ("SEGANTINI" in
			// "SEGANTINI GIOVANNI", "ASSERETO" in "DEGLI ASSERETO").
			const streetInAddress = shared.length === street.words.size;
			const addressInStreet = shared.length === parsed.words.size;
			if (!streetInAddress && !addressInStreet) continue;
			if (!shared.some((w) => w.length >= 4)) continue;
			const extra = street.words.size + parsed.words.size - 2 * shared.length;
			const score = shared.length * 10 - extra + (parsed.kind === street.kind ? 5 : 0);
			if (!best || score > best.score) best = { street, score };
		}
		return best?.street;
	}
}

/** Distance between house numbers, preferring the same side of the street (same parity). */
function distance(a: number, b: number): number {
	return Math.abs(a - b) + (a % 2 === b % 2 ? 0 : 1000);
}
