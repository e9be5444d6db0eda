/**
 * The "Vicino a" fields of the search form as HTML, written on the server. /cerca hydrates, so
 * every element a Svelte component renders costs JavaScript; these fields need none to work
 * (a GET form), and /cerca is at its 60 kB JavaScript budget, so the form takes them as ready
 * markup and only adds, with JavaScript, street suggestions and "Vicino a me" (SearchForm.svelte).
 */
import { pt } from '../../components/places/messages.ts';
import { DEFAULT_NEAR_RADIUS_KM, NEAR_RADII_KM, PLACE_FIELD } from '../../components/search/search-url.ts';
import type { Lang } from '../../i18n/index.ts';

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderPlaceFields(lang: Lang, text: string, radiusKm: number | null): string {
	const radius = radiusKm ?? DEFAULT_NEAR_RADIUS_KM;
	const radii = NEAR_RADII_KM.includes(radius) ? NEAR_RADII_KM : [...NEAR_RADII_KM, radius].sort((a, b) => a - b);
	const options = radii
		.map((km) => {
			const label = `${km.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB')} km`;
			return `<option value="${km}"${km === radius ? ' selected' : ''}>${escapeHtml(label)}</option>`;
		})
		.join('');
	return [
		'<div class="search-form-group">',
		`<label class="search-form-label" for="search-place">${escapeHtml(pt(lang, 'place.label'))}</label>`,
		`<p class="search-form-hint" id="search-place-hint">${escapeHtml(pt(lang, 'place.hint'))}</p>`,
		'<div class="search-form-row">',
		`<input class="form-control" id="search-place" name="${PLACE_FIELD}" value="${escapeHtml(text)}" maxlength="200"`,
		' autocomplete="street-address" list="search-place-streets" aria-describedby="search-place-hint">',
		`<label class="visually-hidden" for="search-radius">${escapeHtml(pt(lang, 'place.radius'))}</label>`,
		`<select class="search-form-radius" id="search-radius" name="radius_km">${options}</select>`,
		// Shown by SearchForm once JavaScript runs: without it, there is no geolocation to ask.
		`<button type="button" class="btn btn-outline-primary" id="search-place-me" hidden data-error="${escapeHtml(pt(lang, 'place.meError'))}">`,
		`${escapeHtml(pt(lang, 'place.me'))}</button>`,
		'</div>',
		'<datalist id="search-place-streets"></datalist>',
		'<p class="search-form-error" id="search-place-status" role="status"></p>',
		'</div>'
	].join('');
}
