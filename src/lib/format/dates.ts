/** Dates for people, in Italian ("3 marzo 2026") or English ("3 March 2026"). Browser-safe. */
import type { Lang } from '../i18n/index.ts';

export const TIME_ZONE = 'Europe/Rome';

const localeOf = (lang: Lang) => (lang === 'it' ? 'it-IT' : 'en-GB');

/**
 * A calendar date ("2026-03-03", as PostgreSQL `date` columns arrive) or an instant (a Date or
 * an ISO timestamp, shown as the day it is in Milan). Returns null for missing or invalid input.
 */
export function formatDate(value: string | Date | null | undefined, lang: Lang = 'it'): string | null {
	if (value == null || value === '') return null;
	const calendarDay = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	// A date without a time is a day on the calendar, not an instant: format it in UTC so no
	// time-zone shift can move it to the day before.
	const instant = calendarDay
		? new Date(Date.UTC(Number(calendarDay[1]), Number(calendarDay[2]) - 1, Number(calendarDay[3])))
		: new Date(value);
	if (Number.isNaN(instant.getTime())) return null;
	return new Intl.DateTimeFormat(localeOf(lang), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: calendarDay ? 'UTC' : TIME_ZONE
	}).format(instant);
}

