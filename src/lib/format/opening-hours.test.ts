import { describe, expect, it } from 'vitest';
import { formatOpeningHours, isOpenNow, openingHoursLineText, todayInRome, type ScheduleLike } from './opening-hours.ts';

const weekly = (byday: string, opensAt: string, closesAt: string, extra: Partial<ScheduleLike> = {}): ScheduleLike => ({
	freq: 'WEEKLY',
	byday,
	opensAt,
	closesAt,
	...extra
});

const texts = (schedules: ScheduleLike[], lang: 'it' | 'en' = 'it', today?: string) =>
	formatOpeningHours(schedules, lang, today).map(openingHoursLineText);

describe('formatOpeningHours', () => {
	it('groups consecutive days into a range and drops leading zeros', () => {
		expect(texts([weekly('MO,TU,WE,TH,FR', '09:00', '12:30')])).toEqual(['lunedì–venerdì 9:00–12:30']);
	});

	it('keeps an extra afternoon as its own line, ordered by first day', () => {
		expect(
			texts([weekly('TU', '14:00', '16:30'), weekly('MO,TU,WE,TH,FR', '09:00', '12:30')])
		).toEqual(['lunedì–venerdì 9:00–12:30', 'martedì 14:00–16:30']);
	});

	it('merges the hours of rows that share the same days', () => {
		expect(texts([weekly('MO,WE', '14:00', '17:00'), weekly('MO,WE', '09:00', '12:00')])).toEqual([
			'lunedì e mercoledì 9:00–12:00 e 14:00–17:00'
		]);
	});

	it('merges the days of rows that share the same hours', () => {
		expect(texts([weekly('FR', '09:00', '13:00'), weekly('MO', '09:00', '13:00'), weekly('TU', '09:00', '13:00')])).toEqual([
			'lunedì, martedì e venerdì 9:00–13:00'
		]);
	});

	it('says "tutti i giorni, 24 ore su 24" for a round-the-clock service and keeps the description', () => {
		expect(texts([weekly('MO,TU,WE,TH,FR,SA,SU', '00:00', '23:59', { description: 'Numero verde' })])).toEqual([
			'tutti i giorni 24 ore su 24 (Numero verde)'
		]);
	});

	it('writes monthly ordinals and validity periods', () => {
		expect(
			texts([weekly('1TH,3TH', '15:00', '18:00', { freq: 'MONTHLY', validFrom: '2026-06-15', validTo: '2026-09-15' })])
		).toEqual(['1° e 3° giovedì del mese 15:00–18:00 (dal 15 giugno 2026 al 15 settembre 2026)']);
	});

	it('leaves out schedules that already ended', () => {
		const schedules = [weekly('MO', '09:00', '12:00', { validTo: '2025-08-31' }), weekly('TU', '09:00', '12:00')];
		expect(texts(schedules, 'it', '2026-03-03')).toEqual(['martedì 9:00–12:00']);
	});

	it('speaks English', () => {
		expect(texts([weekly('MO,TU,WE', '08:30', '12:00'), weekly('SA,SU', '10:00', '13:00')], 'en')).toEqual([
			'Monday–Wednesday 8:30–12:00',
			'Saturday and Sunday 10:00–13:00'
		]);
	});

	it('keeps a description-only schedule and ignores empty ones', () => {
		expect(texts([{ description: 'Su appuntamento' }, { freq: 'WEEKLY' }])).toEqual(['Su appuntamento']);
	});
});

describe('isOpenNow', () => {
	// 2026-03-03 is a Tuesday. Milan is UTC+1 in March (before the DST switch on 29 March).
	const mondayToFriday = [weekly('MO,TU,WE,TH,FR', '09:00', '12:30'), weekly('TU', '14:00', '16:30')];

	it('is open inside an interval in Milan time, not UTC', () => {
		expect(isOpenNow(mondayToFriday, new Date('2026-03-03T08:00:00Z'))).toBe(true); // 9:00 in Milan
		expect(isOpenNow(mondayToFriday, new Date('2026-03-03T07:59:00Z'))).toBe(false); // 8:59
		expect(isOpenNow(mondayToFriday, new Date('2026-03-03T11:30:00Z'))).toBe(false); // 12:30, closing time
		expect(isOpenNow(mondayToFriday, new Date('2026-03-03T13:15:00Z'))).toBe(true); // Tuesday afternoon
		expect(isOpenNow(mondayToFriday, new Date('2026-03-04T13:15:00Z'))).toBe(false); // Wednesday afternoon
	});

	it('follows summer time', () => {
		// 2026-07-07 (Tuesday) 07:30 UTC is 9:30 in Milan (UTC+2); in UTC+1 it would be 8:30.
		expect(isOpenNow(mondayToFriday, new Date('2026-07-07T07:30:00Z'))).toBe(true);
		expect(isOpenNow(mondayToFriday, new Date('2026-07-07T06:30:00Z'))).toBe(false);
	});

	it('is closed at weekends and open all day for 24-hour services', () => {
		expect(isOpenNow(mondayToFriday, new Date('2026-03-07T09:00:00Z'))).toBe(false); // Saturday
		const always = [weekly('MO,TU,WE,TH,FR,SA,SU', '00:00', '23:59')];
		expect(isOpenNow(always, new Date('2026-03-07T22:59:30Z'))).toBe(true); // 23:59 in Milan
	});

	it('handles hours past midnight', () => {
		const night = [weekly('FR', '20:00', '02:00')];
		expect(isOpenNow(night, new Date('2026-03-06T20:00:00Z'))).toBe(true); // Friday 21:00
		expect(isOpenNow(night, new Date('2026-03-07T00:30:00Z'))).toBe(true); // Saturday 1:30
		expect(isOpenNow(night, new Date('2026-03-07T01:30:00Z'))).toBe(false); // Saturday 2:30
	});

	it('respects validity periods and monthly ordinals', () => {
		const summer = [weekly('TU', '09:00', '12:00', { validFrom: '2026-06-01', validTo: '2026-08-31' })];
		expect(isOpenNow(summer, new Date('2026-03-03T09:00:00Z'))).toBe(false);
		expect(isOpenNow(summer, new Date('2026-07-07T08:00:00Z'))).toBe(true);
		const firstThursday = [weekly('1TH,-1TH', '15:00', '18:00', { freq: 'MONTHLY' })];
		expect(isOpenNow(firstThursday, new Date('2026-03-05T15:00:00Z'))).toBe(true); // 5 March, first Thursday
		expect(isOpenNow(firstThursday, new Date('2026-03-12T15:00:00Z'))).toBe(false); // second Thursday
		expect(isOpenNow(firstThursday, new Date('2026-03-26T15:00:00Z'))).toBe(true); // last Thursday
	});

	it('is unknown without structured hours', () => {
		expect(isOpenNow([], new Date())).toBeNull();
		expect(isOpenNow([{ description: 'Su appuntamento' }], new Date())).toBeNull();
	});

	it('gives the calendar day in Milan', () => {
		expect(todayInRome(new Date('2026-03-03T23:30:00Z'))).toBe('2026-03-04');
	});
});
