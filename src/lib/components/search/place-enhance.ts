/**
 * What JavaScript adds to the "Vicino a" fields (markup: geo/place-fields.ts), loaded on the first
 * use of the field or of "Vicino a me", so /cerca's first load stays within its budget:
 * street suggestions in the field's datalist, and the browser's position, asked only on click.
 */
import { goto } from '$app/navigation';
import { PLACE_FIELD } from './search-url.ts';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Fills the datalist with the street register's suggestions for what is typed (from 3 letters). */
export function suggestStreets(form: HTMLFormElement, text: string): void {
	clearTimeout(timer);
	if (text.length < 3) return;
	timer = setTimeout(async () => {
		const response = await fetch(`/api/indirizzi?q=${encodeURIComponent(text)}`).catch(() => null);
		if (!response?.ok) return;
		const { suggestions } = (await response.json()) as { suggestions: { label: string }[] };
		form.querySelector('#search-place-streets')?.replaceChildren(...suggestions.map((s) => new Option(s.label)));
	}, 250);
}

/** Asks the browser's position, then searches near it (`near=lat,lon`) with the form's other fields. */
export function searchNearMe(form: HTMLFormElement, button: HTMLButtonElement, action: string): void {
	const status = form.querySelector('#search-place-status')!;
	const fail = () => {
		status.textContent = button.dataset.error!;
	};
	status.textContent = '';
	if (!navigator.geolocation) return fail();
	navigator.geolocation.getCurrentPosition(
		({ coords }) => {
			const query = new URLSearchParams();
			for (const [name, value] of new FormData(form)) {
				if (name !== PLACE_FIELD && name !== 'near' && typeof value === 'string' && value.trim()) query.append(name, value);
			}
			query.set('near', `${coords.latitude.toFixed(5)},${coords.longitude.toFixed(5)}`);
			goto(`${action}?${query}`);
		},
		fail,
		{ timeout: 15000 }
	);
}
