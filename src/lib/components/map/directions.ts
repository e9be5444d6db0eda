/**
 * Links for directions to a place: OpenStreetMap's route planner (no account, no tracking) and a
 * geo: URI (RFC 5870) that a phone opens in the maps app its owner chose. Browser-safe.
 */
type Point = { lat: number; lon: number; name?: string };

const fixed = (n: number) => String(Math.round(n * 1e6) / 1e6);

export const directionsHref = ({ lat, lon }: Point): string =>
	`https://www.openstreetmap.org/directions?to=${fixed(lat)}%2C${fixed(lon)}`;

export const geoHref = ({ lat, lon, name }: Point): string =>
	`geo:${fixed(lat)},${fixed(lon)}${name ? `?q=${fixed(lat)},${fixed(lon)}(${encodeURIComponent(name)})` : ''}`;
