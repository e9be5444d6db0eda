/**
 * Pharmacies of Milan (Ministero della Salute register, 2017-18, re-geocoded by the DAF team)
 * -> "Salute e prevenzione" / "Servizi medici e infermieristici". The Ministry's own coordinates
 * are unreliable (132 rows share the city-centre default), so the re-geocoded `Long`/`Lat` are
 * used; the few points that fall outside the city are bad geocoding and are dropped.
 */
import { parseCsv } from '../csv.ts';
import type { PostalPoint, SeedContext } from '../context.ts';
import type { ServiceDraft } from '../hsds.ts';
import { parseDecimal, present, titleCase } from '../text.ts';

export const PHARMACIES_SOURCE = 'ministero-salute-farmacie-2018';

/** Commercial name of a pharmacy from the registered company name. */
export function pharmacyName(company: string): string {
	let name = company.replace(/\s+/g, ' ').trim();
	const municipal = /^(?:LLOYD FARMACIA )?(?:MUNICIPALE|COMUNALE)\s*(?:N\.?\s*)?(\d+)$/i.exec(name);
	if (municipal) return `Farmacia comunale n. ${municipal[1]}`;
	const hasLegalForm = /\b(S\.?N\.?C|S\.?A\.?S|S\.?R\.?L|S\.?S)\b\.?|&\s*C\b/i.test(name);
	name = name
		.replace(/\s+-?\s*\b(DR|DOTT|DOTTOR|DOTTORI|DR\.SSA|DOTT\.SSA|DR\.I|DEL DOTT|DEL DOTTOR|DEI DOTTORI|DELLA DOTT)\b\.?.*$/i, '')
		.replace(/\s+\b(S\.?N\.?C|S\.?A\.?S|S\.?R\.?L|S\.?S)\b\.?.*$/i, '');
	// "GARINO DI PERRECA PATRIZIA & C.": the owner's name; "DELL'ABBAZIA DI CHIARAVALLE" stays.
	if (hasLegalForm) name = name.replace(/\s+DI\s+[\p{L}'’]+(\s+[\p{L}'’]+)+\s*(&\s*C\.?)?$/iu, '');
	name = name.replace(/\s*&\s*C\.?$/i, '').trim();
	const readable = titleCase(name);
	return /farmaci/i.test(readable) ? readable : `Farmacia ${readable}`;
}

export function convertPharmacies(csvText: string, ctx: SeedContext): ServiceDraft[] {
	const drafts: ServiceDraft[] = [];
	for (const row of parseCsv(csvText, { delimiter: ';' })) {
		if (present(row.DATAFINEVALIDITA)) continue; // closed
		const latitude = parseDecimal(row.Lat);
		const longitude = parseDecimal(row.Long);
		if (latitude === undefined || longitude === undefined) continue;
		const point = { latitude, longitude };
		if (!ctx.inMilan(point)) continue;
		const id = row.CODICEIDENTIFICATIVOFARMACIA!;
		const name = pharmacyName(row.DESCRIZIONEFARMACIA!);
		const company = titleCase(row.DESCRIZIONEFARMACIA!);
		const address = titleCase(row.INDIRIZZO!.replace(/\s*,\s*/g, ' ').replace(/\s+/g, ' ').trim());
		const municipal = /^Farmacia comunale/.test(name);
		const organization = municipal
			? {
					key: 'farmacie-comunali-milano',
					name: 'Farmacie comunali di Milano',
					description: 'Le farmacie comunali della città di Milano (registro delle farmacie del Ministero della Salute).'
				}
			: {
					key: `farmacia:${present(row.PARTITAIVA) ?? id}`,
					name: company,
					description: `Titolare della farmacia ${name} (registro delle farmacie del Ministero della Salute, codice ${id}).`
				};
		drafts.push({
			key: `${PHARMACIES_SOURCE}:${id}`,
			name,
			description:
				`${municipal ? 'Farmacia comunale' : 'Farmacia'} in ${address}. ` +
				'Vende farmaci con e senza ricetta e prodotti per la salute, dà consigli sul loro uso e partecipa ai turni di apertura notturna e festiva delle farmacie della città.',
			organization,
			location: {
				name,
				address,
				postalCode: ctx.postalCode(address, point, row.CAP),
				latitude,
				longitude,
				externalIdentifier: id,
				externalIdentifierType: 'ministero-salute-codice-farmacia'
			},
			subcategories: ['servizi-medici-infermieristici'],
			audiences: ['adulti', 'anziani', 'genitori'],
			x_source: PHARMACIES_SOURCE,
			x_audience_description: 'Chiunque abbia bisogno di farmaci o di un consiglio sulla salute.',
			x_how_to_access:
				"Si entra senza appuntamento negli orari di apertura. Di notte e nei giorni festivi è aperta a turno una parte delle farmacie: consultare l'elenco delle farmacie di turno.",
			x_what_you_need: 'Per i farmaci con obbligo di prescrizione, la ricetta del medico e la tessera sanitaria.',
			x_channel: 'physical',
			x_keywords: ['farmacia', 'farmaci', 'medicine', 'ricetta', 'farmacia di turno']
		});
	}
	return drafts;
}

/** Pharmacies as points with a known CAP, used to infer the CAP of nearby addresses. */
export function pharmacyPostalPoints(csvText: string): PostalPoint[] {
	return parseCsv(csvText, { delimiter: ';' }).flatMap((row) => {
		const latitude = parseDecimal(row.Lat);
		const longitude = parseDecimal(row.Long);
		const postalCode = row.CAP?.trim() ?? '';
		return latitude !== undefined && longitude !== undefined && /^\d{5}$/.test(postalCode)
			? [{ latitude, longitude, postalCode }]
			: [];
	});
}
