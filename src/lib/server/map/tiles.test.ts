import { describe, expect, it } from 'vitest';
import { DEFAULT_MAP_TILE_URL, readMapConfig } from '../config.ts';
import { mapPageCsp, withTileImages } from './tiles.ts';

const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'nonce-abc'; frame-ancestors 'none'";

describe('readMapConfig', () => {
	it("defaults to OpenStreetMap's standard tiles with their attribution", () => {
		const config = readMapConfig({});
		expect(config.tileUrl).toBe(DEFAULT_MAP_TILE_URL);
		expect(config.tileOrigin).toBe('https://tile.openstreetmap.org');
		expect(config.attribution).toMatch(/openstreetmap\.org\/copyright/);
	});

	it('reads a configured tile server, with subdomains as a wildcard origin', () => {
		const config = readMapConfig({
			MAP_TILE_URL: 'https://{s}.tiles.example.org/light/{z}/{x}/{y}@2x.png',
			MAP_TILE_ATTRIBUTION: '© Example'
		});
		expect(config).toEqual({
			tileUrl: 'https://{s}.tiles.example.org/light/{z}/{x}/{y}@2x.png',
			attribution: '© Example',
			tileOrigin: 'https://*.tiles.example.org'
		});
		expect(readMapConfig({ MAP_TILE_URL: 'http://127.0.0.1:8080/{z}/{x}/{y}.png' }).tileOrigin).toBe('http://127.0.0.1:8080');
	});

	it('refuses a tile URL that is not http(s)', () => {
		expect(() => readMapConfig({ MAP_TILE_URL: 'ftp://tiles/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
		expect(() => readMapConfig({ MAP_TILE_URL: 'not a url' })).toThrow(/MAP_TILE_URL/);
	});
});

describe('the map pages CSP', () => {
	it('adds the tile origin to img-src and nothing else', () => {
		expect(withTileImages(CSP, 'https://tile.openstreetmap.org')).toBe(
			"default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; script-src 'self' 'nonce-abc'; frame-ancestors 'none'"
		);
	});

	it('only on the pages that draw a map', () => {
		expect(mapPageCsp('/mappa', CSP)).toContain('img-src \'self\' data: https://tile.openstreetmap.org;');
		expect(mapPageCsp('/servizi/[slug]', CSP)).toContain('https://tile.openstreetmap.org');
		expect(mapPageCsp('/cerca', CSP)).toBeNull();
		expect(mapPageCsp(null, CSP)).toBeNull();
		expect(mapPageCsp('/mappa', null)).toBeNull();
	});
});
