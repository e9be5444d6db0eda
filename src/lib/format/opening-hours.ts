/**
 * Opening hours from HSDS schedules (iCalendar-style recurrence: `freq`, `byday`, `opens_at`,
 * `closes_at`, optional `valid_from`/`valid_to`), for people: "lunedì–venerdì 9:00–12:30", and
 * whether a service is open at a given instant in Milan's time. Browser-safe.
 */
import type { Lang } from '../i18n/index.ts';
import { formatDate, TIME_ZONE } from './dates.ts';

/** The schedule fields this module reads (camelCase, as the database rows arrive). */
export type ScheduleLike = {
	freq?: string | null;
	byday?: string | null;
	opensAt?: string | null;
	closesAt?: string | null;
	validFrom?: string | null;
	validTo?: string | null;
	description?: string | null;
};

export type OpeningHoursLine = {
	/** "lunedì–venerdì", "tutti i giorni", "1° e 3° giovedì del mese"; empty when the schedule has no days. */
	days: string;
	/** "9:00–12:30 e 14:00–16:30", "24 ore su 24"; empty when no time is known. */
	hours: string;
	/** The schedule's own description and its validity period, if any. */
	note: string | null;
};

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const DAY_NAMES: Record<Lang, readonly string[]> = {
	it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
	en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
};

const WORDS = {
	it: { and: 'e', everyDay: 'tutti i giorni', allDay: '24 ore su 24', from: 'dalle', until: 'fino alle', ofMonth: 'del mese', last: 'ultimo', validFrom: 'dal', validTo: 'al', validUntil: 'fino al' },
	en: { and: 'and', everyDay: 'every day', allDay: '24 hours', from: 'from', until: 'until', ofMonth: 'of the month', last: 'last', validFrom: 'from', validTo: 'to', validUntil: 'until' }
} as const;

type DayToken = { day: number; ordinal: number | null };

/** "MO,TU" or "1TH,-1FR" into weekday indexes (Monday = 0) with their optional ordinal in the month. */
function parseByday(byday: string | null | undefined, freq: string | null | undefined): DayToken[] {
	if (!byday?.trim()) {
		// A daily rule without days means every day; anything else without days is not a weekly pattern.
		return freq?.toUpperCase() === 'DAILY' ? DAY_CODES.map((_, day) => ({ day, ordinal: null })) : [];
	}
	const tokens: DayToken[] = [];
	for (const raw of byday.split(',')) {
		const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(raw.trim().toUpperCase());
		if (!match) continue;
		const ordinal = match[1] ? Number(match[1]) : null;
		tokens.push({ day: DAY_CODES.indexOf(match[2] as (typeof DAY_CODES)[number]), ordinal: ordinal === 0 ? null : ordinal });
	}
	return tokens;
}

/** "09:00" or "09:00:00" into minutes since midnight; "23:59" and "24:00" both mean the end of the day. */
function parseTime(value: string | null | undefined): number | null {
	const match = /^(\d{1,2}):(\d{2})/.exec(value?.trim() ?? '');
	if (!match) return null;
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	if (minutes > 24 * 60) return null;
	return minutes >= 23 * 60 + 59 ? 24 * 60 : minutes;
}

const formatTime = (minutes: number) =>
	`${Math.floor(minutes / 60) % 24}:${String(minutes % 60).padStart(2, '0')}`;

function joinList(items: string[], lang: Lang): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${WORDS[lang].and} ${items.at(-1)}`;
}

/** Sorted weekday indexes as "lunedì–venerdì", "lunedì e mercoledì", "tutti i giorni". */
function formatDaySet(days: number[], lang: Lang): string {
	if (days.length === 7) return WORDS[lang].everyDay;
	const names = DAY_NAMES[lang];
	const pieces: string[] = [];
	let start = 0;
	while (start < days.length) {
		let end = start;
		while (end + 1 < days.length && days[end + 1] === days[end]! + 1) end++;
		if (end - start >= 2) pieces.push(`${names[days[start]!]}–${names[days[end]!]}`);
		else for (let i = start; i <= end; i++) pieces.push(names[days[i]!]!);
		start = end + 1;
	}
	return joinList(pieces, lang);
}

function formatOrdinal(n: number, lang: Lang): string {
	if (n < 0) return n === -1 ? WORDS[lang].last : `${formatOrdinal(-n, lang)} ${WORDS[lang].last}`;
	if (lang === 'it') return `${n}°`;
	const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
	return `${n}${suffix}`;
}

function formatDays(tokens: DayToken[], lang: Lang): string {
	const plain = [...new Set(tokens.filter((t) => t.ordinal === null).map((t) => t.day))].sort((a, b) => a - b);
	const parts = plain.length ? [formatDaySet(plain, lang)] : [];
	const monthly = new Map<number, number[]>();
	for (const token of tokens) {
		if (token.ordinal === null || plain.includes(token.day)) continue;
		monthly.set(token.day, [...(monthly.get(token.day) ?? []), token.ordinal]);
	}
	for (const [day, ordinals] of [...monthly].sort((a, b) => a[0] - b[0])) {
		const which = joinList(
			ordinals.sort((a, b) => (a < 0 ? 100 - a : a) - (b < 0 ? 100 - b : b)).map((o) => formatOrdinal(o, lang)),
			lang
		);
		parts.push(`${which} ${DAY_NAMES[lang][day]} ${WORDS[lang].ofMonth}`);
	}
	return joinList(parts, lang);
}

function formatInterval(opens: number | null, closes: number | null, lang: Lang): string {
	if (opens === 0 && closes === 24 * 60) return WORDS[lang].allDay;
	if (opens !== null && closes !== null) return `${formatTime(opens)}–${formatTime(closes)}`;
	if (opens !== null) return `${WORDS[lang].from} ${formatTime(opens)}`;
	if (closes !== null) return `${WORDS[lang].until} ${formatTime(closes)}`;
	return '';
}

function formatValidity(from: string | null | undefined, to: string | null | undefined, lang: Lang): string | null {
	const start = formatDate(from, lang);
	const end = formatDate(to, lang);
	if (start && end) return `${WORDS[lang].validFrom} ${start} ${WORDS[lang].validTo} ${end}`;
	if (start) return `${WORDS[lang].validFrom} ${start}`;
	if (end) return `${WORDS[lang].validUntil} ${end}`;
	return null;
}

/**
 * Schedules as a few readable lines. Rows sharing the same days (and note) merge their hours
 * ("lunedì 9:00–12:30 e 14:00–17:00"); rows with the same hours on different days merge their
 * days ("lunedì–venerdì 9:00–12:30"). Schedules that ended before `today` ("YYYY-MM-DD") are left out.
 */
export function formatOpeningHours(
	schedules: readonly ScheduleLike[],
	lang: Lang = 'it',
	today?: string
): OpeningHoursLine[] {
	type Entry = { tokens: DayToken[]; opens: number | null; closes: number | null; note: string | null };
	const entries: Entry[] = schedules
		.filter((s) => !(today && s.validTo && s.validTo < today))
		.map((s) => {
			const validity = formatValidity(s.validFrom, s.validTo, lang);
			const description = s.description?.trim() || null;
			return {
				tokens: parseByday(s.byday, s.freq),
				opens: parseTime(s.opensAt),
				closes: parseTime(s.closesAt),
				note: [description, validity].filter(Boolean).join(', ') || null
			};
		})
		.filter((e) => e.tokens.length || e.opens !== null || e.note);

	// Same hours and note on several rows: one set of days.
	const byHours = new Map<string, Entry>();
	for (const entry of entries) {
		const key = `${entry.opens}|${entry.closes}|${entry.note}|${entry.tokens.some((t) => t.ordinal !== null)}`;
		const found = byHours.get(key);
		if (found) found.tokens.push(...entry.tokens);
		else byHours.set(key, { ...entry, tokens: [...entry.tokens] });
	}

	// Same days and note: one line with every interval of those days.
	type Line = { days: string; note: string | null; firstDay: number; intervals: { opens: number | null; closes: number | null }[] };
	const lines = new Map<string, Line>();
	for (const entry of byHours.values()) {
		const days = formatDays(entry.tokens, lang);
		const key = `${days}|${entry.note}`;
		const firstDay = Math.min(7, ...entry.tokens.map((t) => t.day));
		const line = lines.get(key) ?? { days, note: entry.note, firstDay, intervals: [] };
		line.intervals.push({ opens: entry.opens, closes: entry.closes });
		lines.set(key, line);
	}

	const startOf = (line: Line) => Math.min(...line.intervals.map((i) => i.opens ?? 24 * 60));
	return [...lines.values()]
		.sort((a, b) => a.firstDay - b.firstDay || startOf(a) - startOf(b))
		.map((line) => ({
			days: line.days,
			hours: joinList(
				line.intervals
					.sort((a, b) => (a.opens ?? 0) - (b.opens ?? 0))
					.map((i) => formatInterval(i.opens, i.closes, lang))
					.filter(Boolean),
				lang
			),
			note: line.note
		}));
}

/** A line as one string: "lunedì–venerdì 9:00–12:30 (su appuntamento)". */
export function openingHoursLineText(line: OpeningHoursLine): string {
	const when = [line.days, line.hours].filter(Boolean).join(' ');
	if (!line.note) return when;
	return when ? `${when} (${line.note})` : line.note;
}

type RomeMoment = { date: string; day: number; dayOfMonth: number; daysInMonth: number; minutes: number };

const romeParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	weekday: 'short',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The wall-clock moment in Milan at `instant`. */
function inRome(instant: Date): RomeMoment {
	const parts = Object.fromEntries(romeParts.formatToParts(instant).map((p) => [p.type, p.value]));
	const year = Number(parts.year);
	const month = Number(parts.month);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		day: WEEKDAYS_EN.indexOf(parts.weekday ?? ''),
		dayOfMonth: Number(parts.day),
		daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
		minutes: Number(parts.hour) * 60 + Number(parts.minute)
	};
}

function matchesDay(tokens: DayToken[], moment: RomeMoment): boolean {
	return tokens.some((t) => {
		if (t.day !== moment.day) return false;
		if (t.ordinal === null) return true;
		if (t.ordinal > 0) return Math.ceil(moment.dayOfMonth / 7) === t.ordinal;
		return Math.ceil((moment.daysInMonth - moment.dayOfMonth + 1) / 7) === -t.ordinal;
	});
}

const validOn = (s: ScheduleLike, date: string) =>
	!(s.validFrom && date < s.validFrom) && !(s.validTo && date > s.validTo);

/**
 * Whether the schedules say "open" at `now`, in Milan's time. Null when no schedule has both
 * days and times, so the page can say nothing rather than guess.
 */
export function isOpenNow(schedules: readonly ScheduleLike[], now: Date): boolean | null {
	const today = inRome(now);
	const yesterday = inRome(new Date(now.getTime() - 24 * 60 * 60 * 1000));
	let known = false;
	for (const s of schedules) {
		const tokens = parseByday(s.byday, s.freq);
		const opens = parseTime(s.opensAt);
		const closes = parseTime(s.closesAt);
		if (!tokens.length || opens === null || closes === null) continue;
		known = true;
		if (closes > opens) {
			if (validOn(s, today.date) && matchesDay(tokens, today) && today.minutes >= opens && today.minutes < closes) return true;
		} else {
			// Past midnight ("20:00–02:00"): open late today, or still open from yesterday.
			if (validOn(s, today.date) && matchesDay(tokens, today) && today.minutes >= opens) return true;
			if (validOn(s, yesterday.date) && matchesDay(tokens, yesterday) && today.minutes < closes) return true;
		}
	}
	return known ? false : null;
}

/** Today's calendar date in Milan ("YYYY-MM-DD"). */
export const todayInRome = (now: Date): string => inRome(now).date;
