/** Distances for people: "a 850 m", "a 1,2 km" (Italian) or "850 m away" (English). Browser-safe. */
import type { Lang } from '../i18n/index.ts';

/** `km` as a short phrase; null when the distance is unknown or not a finite, non-negative number. */
export function formatDistance(km: number | null | undefined, lang: Lang = 'it'): string | null {
	if (km == null || !Number.isFinite(km) || km < 0) return null;
	let amount: string;
	if (km < 1) {
		// Under a kilometre, tens of metres are as precise as a map pin is; never say "0 m".
		const metres = Math.max(10, Math.round((km * 1000) / 10) * 10);
		amount = metres >= 1000 ? '1 km' : `${metres} m`;
	} else {
		const decimals = km < 10 ? 1 : 0;
		const rounded = Number(km.toFixed(decimals));
		amount = `${rounded.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', {
			maximumFractionDigits: decimals
		})} km`;
	}
	return lang === 'it' ? `a ${amount}` : `${amount} away`;
}
