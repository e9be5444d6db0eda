/**
 * Which municipio and NIL (Nucleo di Identità Locale) of Milan a point falls in, from the
 * city's official boundaries kept in data/reference/ (see docs/data-sources.md). The
 * boundaries are read and prepared once, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areaContains, prepareArea, type AreaGeometry, type PreparedArea } from './point-in-polygon.ts';

export type MilanPlace = { municipio: number | null; nilId: number | null; nilName: string | null };

type Feature<P> = { properties: P; geometry: AreaGeometry };
type FeatureCollection<P> = { features: Feature<P>[] };

type Boundaries = {
	/** Union of the bounding boxes of every municipio: most points outside Milan stop here. */
	city: { minX: number; minY: number; maxX: number; maxY: number };
	municipi: { number: number; area: PreparedArea }[];
	nil: { id: number; name: string; area: PreparedArea }[];
};

let boundaries: Boundaries | undefined;

/** A GeoJSON file of data/reference/. */
export function readReferenceCollection<P>(file: string): FeatureCollection<P> {
	return JSON.parse(readFileSync(path.resolve(process.cwd(), 'data/reference', file), 'utf8'));
}

function loadBoundaries(): Boundaries {
	const municipi = readReferenceCollection<{ MUNICIPIO: number }>('municipi.geojson')
		.features.map((f) => ({ number: Number(f.properties.MUNICIPIO), area: prepareArea(f.geometry) }))
		.sort((a, b) => a.number - b.number);
	const nil = readReferenceCollection<{ ID_NIL: number; NIL: string }>('nil.geojson')
		.features.map((f) => ({
			id: Number(f.properties.ID_NIL),
			name: readableNilName(f.properties.NIL),
			area: prepareArea(f.geometry)
		}))
		.sort((a, b) => a.id - b.id);
	const boxes = municipi.map((m) => m.area.bbox);
	const city = {
		minX: Math.min(...boxes.map((b) => b.minX)),
		minY: Math.min(...boxes.map((b) => b.minY)),
		maxX: Math.max(...boxes.map((b) => b.maxX)),
		maxY: Math.max(...boxes.map((b) => b.maxY))
	};
	return { city, municipi, nil };
}

const NOWHERE: MilanPlace = { municipio: null, nilId: null, nilName: null };

/**
 * The municipio (1-9) and NIL of a WGS84 point; nulls outside the city. NIL and municipio
 * boundaries come from different datasets and do not nest exactly, so each is looked up on its own.
 */
export function locateInMilan(lat: number, lon: number): MilanPlace {
	if (!Number.isFinite(lat) || !Number.isFinite(lon)) return NOWHERE;
	boundaries ??= loadBoundaries();
	const { city } = boundaries;
	if (lon < city.minX || lon > city.maxX || lat < city.minY || lat > city.maxY) return NOWHERE;
	const municipio = boundaries.municipi.find((m) => areaContains(m.area, lon, lat))?.number ?? null;
	const nil = boundaries.nil.find((n) => areaContains(n.area, lon, lat));
	return { municipio, nilId: nil?.id ?? null, nilName: nil?.name ?? null };
}

/** Italian words kept in lower case inside a name ("Ronchetto sul Naviglio"). */
const LOWER_CASE_WORDS = new Set([
	'a', 'al', 'alla', 'alle', 'ai', 'agli', 'con', 'da', 'dal', 'dalla', 'dei', 'degli', 'del',
	'della', 'delle', 'dello', 'di', 'e', 'ed', 'gli', 'i', 'il', 'in', 'la', 'le', 'lo', 'per',
	'sul', 'sulla', 'sulle', 'sui', 'tra', 'fra'
]);
const ROMAN_NUMERAL = /^[IVX]{2,}$/;
const GRAVE: Record<string, string> = { A: 'à', E: 'è', I: 'ì', O: 'ò', U: 'ù' };

function readableWord(word: string, first: boolean): string {
	if (ROMAN_NUMERAL.test(word)) return word; // "XXII MARZO"
	if (!/[AEIOU]/.test(word)) return word; // abbreviations without vowels: "QT 8"
	// The open data writes accents as apostrophes ("CITTA'"); "CA'" is a real apostrophe.
	const accented = /^[A-Z]{2,}[AEIOU]'$/.test(word) ? word.slice(0, -2) + GRAVE[word.at(-2)!]! : word;
	const lower = accented.toLowerCase();
	if (!first && LOWER_CASE_WORDS.has(lower)) return lower;
	// "DELL'ORTICA" -> "dell'Ortica" is rare enough here to treat apostrophes as word starts too.
	return lower.replace(/(^|')(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/**
 * A readable title-case form of an upper-case NIL name:
 * "RONCHETTO SUL NAVIGLIO - Q.RE LODOVICO IL MORO" -> "Ronchetto sul Naviglio - Q.re Lodovico il Moro".
 */
export function readableNilName(upper: string): string {
	return upper
		.trim()
		.split(/\s+-\s+/)
		.map((part) =>
			part
				.split(/\s+/)
				.map((word, i) => readableWord(word, i === 0))
				.join(' ')
		)
		.join(' - ');
}
