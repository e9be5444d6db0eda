/**
 * "Open now" is judged on Milan's wall clock whatever the server's time zone: the minute of
 * the week (Monday 00:00 = 0, as piazza_schedule_week() counts) and the date in Europe/Rome.
 */

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const formatter = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Rome',
	weekday: 'short',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

export type RomeClock = { minuteOfWeek: number; date: string };

export function romeClock(now: Date): RomeClock {
	const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
	const day = WEEKDAYS.indexOf(parts.weekday!);
	const minute = Number(parts.hour) * 60 + Number(parts.minute);
	return { minuteOfWeek: day * 1440 + minute, date: `${parts.year}-${parts.month}-${parts.day}` };
}
