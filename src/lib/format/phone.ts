/** Telephone links: "02 8840 4440" -> "tel:+390288404440". Browser-safe. */

/** A `tel:` URI for an Italian or international number, or null when it has no digits to dial. */
export function telHref(number: string | null | undefined): string | null {
	const raw = (number ?? '').trim();
	// Keep only the dialable part: "02 123456 (interno 3)" dials "02 123456".
	const dialable = /^[+\d][\d\s./()-]*/.exec(raw)?.[0] ?? '';
	const digits = dialable.replace(/\D/g, '');
	if (digits.length < 3) return null;
	if (dialable.startsWith('+')) return `tel:+${digits}`;
	if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
	// Short public numbers (112, 1522, 116 000) are dialled as they are.
	if (digits.length <= 6 && digits.startsWith('1')) return `tel:${digits}`;
	return `tel:+39${digits}`;
}
