/**
 * "Vicino a" on /cerca and /mappa: the typed place (`vicino=via Padova 36`) becomes `near=<lat,lon>`
 * (and the default radius when none is chosen), on the server, so a search near an address works
 * without JavaScript. The page then shows what was understood and how precise it is.
 */
import { pt } from '../../components/places/messages.ts';
import { DEFAULT_NEAR_RADIUS_KM, PLACE_FIELD } from '../../components/search/search-url.ts';
import type { Lang } from '../../i18n/index.ts';
import { geocodeText, MAX_GEOCODE_TEXT_LENGTH, type Geocoder, type GeocodeResult } from './geocoder.ts';

/**
 * The place typed in "Vicino a" (`vicino`), as understood: `found` is null when nothing in Milan
 * matches (the search then runs without it); `fellBack` when the remote geocoder failed and the
 * street register answered.
 */
export type PlaceView = { text: string; found: GeocodeResult | null; fellBack: boolean };

/**
 * The query with `near` (and `radius_km`) set from `vicino` when it names a place in Milan, and
 * `near` removed when `vicino` is given (the typed place wins over a point sent before).
 */
export async function resolvePlace(query: URLSearchParams, geocoder?: Geocoder): Promise<{ query: URLSearchParams; place: PlaceView | null }> {
	const text = query.get(PLACE_FIELD)?.trim().replace(/\s+/g, ' ') ?? '';
	if (!text) return { query, place: null };
	const resolved = new URLSearchParams(query);
	resolved.delete('near');
	if (text.length > MAX_GEOCODE_TEXT_LENGTH) {
		return { query: resolved, place: { text: text.slice(0, MAX_GEOCODE_TEXT_LENGTH), found: null, fellBack: false } };
	}
	const { results, fellBack } = await geocodeText(text, { limit: 1 }, geocoder);
	const found = results[0] ?? null;
	if (found) {
		resolved.set('near', `${found.lat},${found.lon}`);
		if (!resolved.get('radius_km')?.trim()) resolved.set('radius_km', String(DEFAULT_NEAR_RADIUS_KM));
	}
	return { query: resolved, place: { text, found, fellBack } };
}

/**
 * What the page says about the place: "Vicino a Via Padova 36, 20131 — precisione: via, punto
 * approssimato." or, as a warning, that nothing in Milan matched; null without a place.
 */
export function describePlace(place: PlaceView | null, lang: Lang): { text: string; warning: boolean } | null {
	if (!place) return null;
	if (!place.found) return { text: pt(lang, 'place.notFound', { text: place.text }), warning: true };
	const text = [
		`${pt(lang, 'place.found', { label: place.found.label })} — ${pt(lang, 'place.precision')}: ${pt(lang, `place.precision.${place.found.precision}`)}.`,
		place.fellBack ? pt(lang, 'place.fellBack') : null
	];
	return { text: text.filter(Boolean).join(' '), warning: false };
}
