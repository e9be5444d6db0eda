/**
 * The files the service page's small map loads, as the URLs of hashed assets: the page itself
 * stays server-rendered without a client runtime, and its module (service-map.js) imports
 * Leaflet's own ES build only when the map scrolls into view.
 */
import leaflet from 'leaflet/dist/leaflet-src.esm.js?url';
import leafletCss from 'leaflet/dist/leaflet.css?url';
import mapCss from '#lib/components/map/map.css?url&no-inline';
// no-inline: a small file would become a data: URL, which the CSP's script-src refuses
import script from '#lib/components/map/service-map.js?url&no-inline';
import { tilesForPage } from './tiles.ts';

export type ServiceMapAssets = {
	script: string;
	leaflet: string;
	styles: string[];
	tiles: { url: string; attribution: string };
};

export function serviceMapAssets(): ServiceMapAssets {
	return { script, leaflet, styles: [leafletCss, mapCss], tiles: tilesForPage() };
}
