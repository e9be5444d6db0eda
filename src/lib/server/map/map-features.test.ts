import { describe, expect, it } from 'vitest';
import { MILAN_EXTENT } from './inputs.ts';
import {
	CLUSTER_MAX_ZOOM,
	ClusterIndexCache,
	clusterPlaces,
	indexKey,
	placesInView,
	type ViewItem
} from './map-features.ts';
import { defaultSearchParams } from '../search/inputs.ts';
import { romeClock } from '../search/clock.ts';
import type { MapPlace } from './queries.ts';

/** `n` places on a small grid (about 40 m apart) starting at a corner. */
function grid(prefix: string, n: number, lat: number, lon: number): MapPlace[] {
	return Array.from({ length: n }, (_, i) => ({
		id: `${prefix}-${i}`,
		lat: lat + Math.floor(i / 20) * 0.0004,
		lon: lon + (i % 20) * 0.0005
	}));
}

// 400 places in Brera, 50 in Niguarda
const BRERA = grid('brera', 400, 45.47, 9.18);
const NIGUARDA = grid('niguarda', 50, 45.515, 9.19);
const index = clusterPlaces([...BRERA, ...NIGUARDA]);
const counted = (items: ViewItem[]) => items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0);

describe('placesInView', () => {
	it('clusters the whole city: hundreds of places in a few groups', () => {
		const view = placesInView(index, MILAN_EXTENT, 11);
		expect(view).toMatchObject({ total: 450, clustered: true });
		expect(view.items.length).toBeLessThan(10);
		expect(counted(view.items)).toBe(450);
		for (const item of view.items) {
			if (item.kind !== 'cluster') continue;
			const [w, s, e, n] = item.bbox;
			const [lon, lat] = item.coordinates;
			expect(lon).toBeGreaterThanOrEqual(w);
			expect(lon).toBeLessThanOrEqual(e);
			expect(lat).toBeGreaterThanOrEqual(s);
			expect(lat).toBeLessThanOrEqual(n);
			expect(item.expansionZoom).toBeGreaterThan(11);
			expect(item.expansionZoom).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM + 1);
		}
		const brera = view.items.find((i) => i.kind === 'cluster' && i.count === 400);
		expect(brera && brera.kind === 'cluster' && brera.bbox).toEqual([9.18, 45.47, 9.1895, 45.4776]);
	});

	it('shows places far apart one by one, and groups only those that would overlap', () => {
		const apart = clusterPlaces([
			{ id: 'duomo', lat: 45.4642, lon: 9.19 },
			{ id: 'niguarda', lat: 45.515, lon: 9.19 },
			{ id: 'baggio', lat: 45.4611, lon: 9.0869 },
			{ id: 'duomo-bis', lat: 45.4643, lon: 9.1901 }
		]);
		const city = placesInView(apart, MILAN_EXTENT, 12);
		expect(city.clustered).toBe(true);
		expect(city.items.filter((i) => i.kind === 'place').map((i) => (i.kind === 'place' ? i.id : '')).sort()).toEqual(['baggio', 'niguarda']);
		expect(city.items.find((i) => i.kind === 'cluster')).toMatchObject({ count: 2, expansionZoom: 18 });
		const street = placesInView(apart, MILAN_EXTENT, 18);
		expect(street).toMatchObject({ total: 4, clustered: false });
	});

	it('zoomed in on a neighbourhood, splits its group', () => {
		const view = placesInView(index, { west: 9.17, south: 45.5, east: 9.21, north: 45.53 }, 17);
		expect(view.total).toBe(50);
		expect(view.items.length).toBeGreaterThan(1);
		expect(counted(view.items)).toBe(50);
	});

	it('shows every place past the last zoom with clusters, however many', () => {
		const view = placesInView(index, { west: 9.17, south: 45.46, east: 9.2, north: 45.48 }, CLUSTER_MAX_ZOOM + 1);
		expect(view).toMatchObject({ total: 400, clustered: false });
		expect(new Set(view.items.map((i) => (i.kind === 'place' ? i.id : 'cluster')))).toEqual(new Set(BRERA.map((p) => p.id)));
	});

	it('answers nothing for a view clamped to an empty strip', () => {
		expect(placesInView(index, { west: 9.29, south: 45.5, east: 9.29, north: 45.545 }, 12)).toEqual({
			total: 0,
			clustered: false,
			items: []
		});
	});
});

describe('ClusterIndexCache', () => {
	const build = () => Promise.resolve(clusterPlaces(NIGUARDA));

	it('builds once per search within the time to live, again after it', async () => {
		const cache = new ClusterIndexCache({ ttlMs: 1000 });
		const first = await cache.get('a', build, 0);
		expect(await cache.get('a', build, 999)).toBe(first);
		expect(cache.builds).toBe(1);
		expect(await cache.get('a', build, 1000)).not.toBe(first);
		expect(cache.builds).toBe(2);
	});

	it('forgets the least recently used search beyond its size', async () => {
		const cache = new ClusterIndexCache({ size: 2 });
		await cache.get('a', build);
		await cache.get('b', build);
		await cache.get('a', build); // a is now the most recent
		await cache.get('c', build); // evicts b
		expect(cache.builds).toBe(3);
		await cache.get('a', build);
		expect(cache.builds).toBe(3);
		await cache.get('b', build);
		expect(cache.builds).toBe(4);
	});

	it('forgets the least recently used searches beyond its budget of places', async () => {
		const cache = new ClusterIndexCache({ places: 120 }); // NIGUARDA has 50 places
		await cache.get('a', build);
		await cache.get('b', build);
		await cache.get('c', build); // 150 places: evicts a
		await cache.get('b', build);
		await cache.get('c', build);
		expect(cache.builds).toBe(3);
		await cache.get('a', build);
		expect(cache.builds).toBe(4);
		// one index larger than the budget is still kept, alone
		const tiny = new ClusterIndexCache({ places: 10 });
		await tiny.get('a', build);
		await tiny.get('a', build);
		expect(tiny.builds).toBe(1);
	});

	it('shares one build between concurrent requests and does not keep a failed one', async () => {
		const cache = new ClusterIndexCache();
		const [x, y] = await Promise.all([cache.get('a', build), cache.get('a', build)]);
		expect(x).toBe(y);
		await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
		await cache.get('bad', build);
		expect(cache.builds).toBe(3);
	});
});

describe('indexKey', () => {
	const clock = romeClock(new Date('2026-03-11T09:00:00Z'));
	const later = romeClock(new Date('2026-03-11T09:01:00Z'));

	it('ignores the page and, without "open now", the time', () => {
		expect(indexKey(defaultSearchParams({ q: 'nido', page: 3 }), clock)).toBe(
			indexKey(defaultSearchParams({ q: 'nido' }), later)
		);
	});

	it('tells searches apart, and "open now" minute by minute', () => {
		expect(indexKey(defaultSearchParams({ q: 'nido' }), clock)).not.toBe(
			indexKey(defaultSearchParams({ q: 'nido', free: true }), clock)
		);
		const open = defaultSearchParams({ openNow: true });
		expect(indexKey(open, clock)).not.toBe(indexKey(open, later));
	});
});
