import { describe, expect, it } from 'vitest';
import { romeClock } from './clock.ts';

describe('romeClock', () => {
	it('reads Milan wall time in winter (UTC+1) and summer (UTC+2)', () => {
		// Wednesday 11 March 2026 09:00 UTC = 10:00 in Milan
		expect(romeClock(new Date('2026-03-11T09:00:00Z'))).toEqual({ minuteOfWeek: 2 * 1440 + 600, date: '2026-03-11' });
		// Wednesday 15 July 2026 08:00 UTC = 10:00 in Milan
		expect(romeClock(new Date('2026-07-15T08:00:00Z'))).toEqual({ minuteOfWeek: 2 * 1440 + 600, date: '2026-07-15' });
	});

	it('rolls the day over at Milan midnight, not UTC midnight', () => {
		// Sunday 29 March 2026 22:30 UTC = Monday 00:30 in Milan (after the switch to summer time)
		expect(romeClock(new Date('2026-03-29T22:30:00Z'))).toEqual({ minuteOfWeek: 30, date: '2026-03-30' });
		// Sunday 23:59 is the last minute of the week
		expect(romeClock(new Date('2026-01-04T22:59:00Z')).minuteOfWeek).toBe(6 * 1440 + 1439);
	});
});
