/**
 * Leaflet, loaded only when a map is about to be drawn: a dynamic import keeps its JavaScript
 * (and its stylesheet and ours, imported with it) out of every page's initial bundle.
 */
import type * as Leaflet from 'leaflet';

export type L = typeof Leaflet;

let loading: Promise<L> | undefined;

export function loadLeaflet(): Promise<L> {
	loading ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css'), import('./map.css')]).then(
		([module]) => ((module as { default?: L }).default ?? module) as L
	);
	return loading;
}

/** Tiles of the configured server; `onFailure` runs once when tiles stop loading (offline). */
export function addTiles(L: L, map: Leaflet.Map, tiles: { url: string; attribution: string }, onFailure: () => void) {
	let failed = false;
	L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19, crossOrigin: false })
		.on('tileerror', () => {
			if (!failed) onFailure();
			failed = true;
		})
		.addTo(map);
}

/** A marker's icon: a plain element styled by the page (no images to load). */
export const pinIcon = (L: L, className = 'map-pin') =>
	L.divIcon({ className, html: '<span aria-hidden="true"></span>', iconSize: [28, 28], iconAnchor: [14, 28], popupAnchor: [0, -26] });
