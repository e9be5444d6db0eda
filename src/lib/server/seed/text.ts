/**
 * Clean-up of the values found in the open-data files: upper-case names, decimal commas,
 * "Non Disponibile" null markers, web addresses without a scheme, double-encoded UTF-8.
 */

/** Markers the files use for "no value". */
const NULL_MARKERS = new Set(['', '-', 'non disponibile', 'none', 'null', 'n.d.', 'nd']);

/** The trimmed value, or undefined when it is empty or a null marker. */
export function present(value: string | null | undefined): string | undefined {
	if (value == null) return undefined;
	const trimmed = value.replace(/\s+/g, ' ').trim();
	return NULL_MARKERS.has(trimmed.toLowerCase()) ? undefined : trimmed;
}

/** "45,4877894" or "45.4877894" -> 45.4877894; undefined when not a finite number. */
export function parseDecimal(value: string | number | null | undefined): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	const text = present(value);
	if (!text) return undefined;
	const normalized = text.replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
	return Number(normalized);
}

/**
 * Repairs text that was UTF-8, read as Latin-1 and written again as UTF-8 (once or twice):
 * "AndrÃ\u0083Â¨" -> "Andrè". Text that does not decode cleanly is returned unchanged.
 */
export function fixMojibake(value: string): string {
	let out = value;
	for (let round = 0; round < 3 && /[\u00C2\u00C3]/.test(out); round++) {
		if ([...out].some((ch) => ch.codePointAt(0)! > 0xff)) break;
		const decoded = Buffer.from(out, 'latin1').toString('utf8');
		if (decoded.includes('\uFFFD')) break;
		out = decoded;
	}
	return out;
}

/** Words kept in lower case inside a title ("Scuola dell'Infanzia di Via Rossi"). */
const LOWER_WORDS = new Set([
	'a', 'ad', 'agli', 'ai', 'al', 'alla', 'alle', 'allo', 'con', 'd', 'da', 'dal', 'dalla',
	'dalle', 'dai', 'degli', 'dei', 'del', 'della', 'delle', 'dello', 'di', 'e', 'ed', 'gli', 'i',
	'il', 'in', 'l', 'la', 'le', 'lo', 'nel', 'nella', 'per', 'su', 'sul', 'sulla', 'tra', 'fra',
	'dell', 'dall', 'all', 'nell', 'sull'
]);

/** Acronyms and legal forms that stay in capitals. */
const UPPER_WORDS = new Set([
	'ASD', 'APS', 'ASST', 'ATS', 'CAF', 'CAG', 'CDD', 'CDI', 'CFP', 'CPIA', 'CSE', 'CTP', 'IC',
	'ICS', 'IIS', 'IPSIA', 'IPSSAR', 'IPSSCT', 'IRCCS', 'ISIS', 'ITC', 'ITCG', 'ITIS', 'ITSOS',
	'ITT', 'RSA', 'SAS', 'SCS', 'SNC', 'SPA', 'SRL', 'SRLS', 'SSD', 'ONLUS', 'ODV', 'ETS', 'MI',
	'UE', 'USA', 'ACLI', 'ARCI', 'AIAS', 'ANFFAS', 'UILDM', 'CNR', 'INPS', 'ISTAT', 'IULM', 'NABA',
	'RAI', 'TV', 'CTS', 'CRI', 'ARS', 'AIL', 'UNITRE'
]);

const ROMAN = /^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

function titleWord(word: string, first: boolean): string {
	if (!/\p{L}/u.test(word)) return word;
	const bare = word.replace(/[^\p{L}]/gu, '');
	if (UPPER_WORDS.has(bare.toUpperCase()) && bare === bare.toUpperCase()) return word;
	if (bare.length > 1 && ROMAN.test(bare)) return word;
	// Dotted abbreviations in capitals ("S.R.L.", "A.S.D.") stay as written.
	if (/^(\p{Lu}\.){2,}\p{Lu}?\.?$/u.test(word)) return word;
	// The files write accents as apostrophes in capitals ("CITTA'", "SOCIETA'").
	const accented = /^\p{Lu}{2,}[AEIOU]'$/u.test(word)
		? word.slice(0, -2) + { A: 'à', E: 'è', I: 'ì', O: 'ò', U: 'ù' }[word.at(-2)!]!
		: word;
	const lower = accented.toLocaleLowerCase('it');
	// Apostrophes and dots start a new word: "dell'Abbazia", "Ist.Marcelline".
	const parts = lower.split(/(['’.])/);
	return parts
		.map((part, i) => {
			if (part === "'" || part === '’' || part === '.' || part === '') return part;
			const isFirst = first && i === 0;
			const afterDot = parts[i - 1] === '.';
			// "P.le", "V.le", "C.so", "Naz.le", "L.da": abbreviations with a short lower-case ending.
			if (afterDot && (parts[i - 2]?.length ?? 0) <= 4 && part.length <= 3 && i === parts.length - 1) return part;
			const elided = parts[i + 1] === "'" || parts[i + 1] === '’';
			const initial = part.length === 1 && parts[i + 1] === '.';
			if (!isFirst && !afterDot && !initial && (LOWER_WORDS.has(part) || (elided && part.length <= 4 && LOWER_WORDS.has(part)))) {
				return part;
			}
			return part.charAt(0).toLocaleUpperCase('it') + part.slice(1);
		})
		.join('');
}

/**
 * A readable form of a name written in capitals: "ANTICA FARMACIA DELL'ABBAZIA DI CHIARAVALLE SNC"
 * -> "Antica Farmacia dell'Abbazia di Chiaravalle SNC". Names already in mixed case are kept.
 */
export function titleCase(value: string): string {
	const text = value.replace(/\s+/g, ' ').trim();
	const letters = text.replace(/[^\p{L}]/gu, '');
	const isShouting = letters.length > 0 && letters === letters.toLocaleUpperCase('it');
	const isFlat = letters.length > 0 && letters === letters.toLocaleLowerCase('it');
	if (!isShouting && !isFlat) return text;
	return text
		.split(' ')
		.map((word, i) =>
			word
				.split('-')
				.map((piece, j) => titleWord(piece, i === 0 && j === 0))
				.join('-')
		)
		.join(' ');
}

/** Ends a sentence with one full stop, also after an abbreviation ("S.R.L."). */
export function endSentence(text: string): string {
	return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/**
 * An absolute web address from what the files hold ("www.x.it", "http//www.x.it",
 * "WWW.X.IT/path", "ww.x.it"); undefined when the value is not a plausible address (some
 * website columns hold e-mail addresses). Addresses without a scheme get https://.
 */
export function normalizeUrl(value: string | null | undefined): string | undefined {
	let text = present(value)?.replace(/\s+/g, '');
	if (!text || text.includes('@')) return undefined;
	const scheme = /^(https?|htpps?|htp)[:/]+/i.exec(text);
	const secure = scheme ? /s$/i.test(scheme[1]!) : true;
	if (scheme) text = text.slice(scheme[0].length);
	// Typos of "www." seen in the registry: "ww.x.it", "wwwx.it".
	text = text.replace(/^ww\.(?!w)/i, 'www.').replace(/^www(?=[^.]+\.)/i, 'www.');
	try {
		const url = new URL(`${secure ? 'https' : 'http'}://${text}`);
		if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(url.hostname)) return undefined;
		return url.toString();
	} catch {
		return undefined;
	}
}

const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** The first e-mail address in the value (lists use "," or ";"), lower case; else undefined. */
export function normalizeEmail(value: string | null | undefined): string | undefined {
	const candidates = (present(value) ?? '').split(/[,;\s]+/);
	return candidates.find((c) => EMAIL.test(c))?.toLowerCase();
}

/** An Italian phone number as digits (leading 0 kept); undefined when it is not one. */
export function normalizePhone(value: string | null | undefined): string | undefined {
	const digits = present(value)?.replace(/[^\d+]/g, '');
	if (!digits) return undefined;
	const national = digits.replace(/^(\+|00)39/, '');
	return /^(0\d{5,10}|3\d{8,9}|80\d{4,7})$/.test(national) ? national : undefined;
}

/** A URL path segment: lower case, ASCII, words joined by "-". */
export function slugify(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’']/g, ' ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Joins phrases into one Italian list: "a", "a e b", "a, b e c". */
export function joinItalian(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} e ${items.at(-1)}`;
}
