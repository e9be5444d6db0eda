/**
 * Residenze Sanitarie Assistenziali of Lombardy (Regione Lombardia open data) -> the 59 in
 * Milan, area "Accoglienza abitativa" / "Case di riposo", for older people. The file writes CAPs
 * with a thousands dot ("20.134") and coordinates with decimal commas.
 */
import { parseCsv } from '../csv.ts';
import type { SeedContext } from '../context.ts';
import type { ServiceDraft } from '../hsds.ts';
import { endSentence, parseDecimal, present, titleCase } from '../text.ts';
import { readableAddress } from './schools.ts';

export const RSA_SOURCE = 'regione-lombardia-rsa';

export function convertCareHomes(csvText: string, ctx: SeedContext): ServiceDraft[] {
	const drafts: ServiceDraft[] = [];
	for (const row of parseCsv(csvText, { delimiter: ',' })) {
		if (row.COMUNE_UBICAZIONE !== 'MILANO') continue;
		const latitude = parseDecimal(row.WGS84_Y);
		const longitude = parseDecimal(row.WGS84_X);
		if (latitude === undefined || longitude === undefined) continue;
		const point = { latitude, longitude };
		if (!ctx.inMilan(point)) continue;
		const name = titleCase(row.DENOM_STRUTTURA!)
			.replace(/^R\.s\.a\./i, 'R.S.A.')
			.replace(/\s+(SRL|S\.R\.L\.|ONLUS|SPA|S\.P\.A\.)$/i, '');
		const operator = titleCase(row.DENOM_GESTORE!);
		const address = readableAddress(row.INDIRIZZO_UBICAZIONE!.replace(',', ' '));
		const authorised = Number(row.TOT_POSTI_AUTORIZZATI);
		const accredited = Number(row.TOT_POSTI_ACCREDITATI);
		const isPublic = row.PUBBLICA_PRIVATA === 'PUBBLICA';
		const accreditedText = row.FL_ACCREDITATA === 'SI' ? 'accreditata con Regione Lombardia' : 'non accreditata';
		const seat = present(row.COMUNE_SEDE_LEGALE);
		const places =
			Number.isFinite(authorised) && authorised > 0
				? ` Posti letto autorizzati: ${authorised}${Number.isFinite(accredited) && accredited > 0 ? `, di cui ${accredited} accreditati` : ''}.`
				: '';
		drafts.push({
			key: `${RSA_SOURCE}:${row.COD_STRUTTURA}`,
			name: /\bR\.?S\.?A\.?\b/i.test(name) ? name : `${name} – RSA`,
			description:
				`Residenza sanitaria assistenziale (RSA) per persone anziane non autosufficienti in ${address}, ` +
				endSentence(`struttura ${isPublic ? 'pubblica' : 'privata'} ${accreditedText}, gestita da ${operator}`) +
				`${places} ` +
				"Offre alloggio, assistenza alla persona, cure sanitarie e riabilitative e attività di animazione.",
			organization: {
				key: `gestore-rsa:${row.COD_GESTORE}`,
				name: operator,
				description: `Ente gestore di residenze sanitarie assistenziali${seat ? `, con sede legale a ${titleCase(seat)}` : ''}.`
			},
			location: {
				name,
				address,
				postalCode: ctx.postalCode(address, point, row.CAP),
				latitude,
				longitude,
				externalIdentifier: row.COD_STRUTTURA,
				externalIdentifierType: 'regione-lombardia-cod-struttura'
			},
			feesDescription:
				"Nei posti accreditati la quota sanitaria è a carico del Servizio sanitario regionale; la retta giornaliera (quota alberghiera) è a carico dell'ospite o della famiglia, con possibili integrazioni del Comune per chi ha un reddito basso.",
			subcategories: ['case-di-riposo'],
			audiences: ['anziani', 'caregiver'],
			x_source: RSA_SOURCE,
			x_audience_description:
				'Persone anziane non autosufficienti che non possono essere assistite a casa, e i familiari che se ne prendono cura.',
			x_how_to_access:
				"La domanda di ingresso si presenta alla struttura, che gestisce la propria lista d'attesa. Il medico di famiglia e il Servizio sociale del Municipio aiutano a scegliere e a preparare la domanda.",
			x_what_you_need:
				"La domanda di ingresso della struttura, compilata con il medico di famiglia, un documento d'identità, la tessera sanitaria e, per chiedere un'integrazione della retta, l'attestazione ISEE.",
			x_what_you_get: 'Un posto letto con assistenza e cure 24 ore su 24.',
			x_channel: 'physical',
			x_keywords: ['RSA', 'casa di riposo', 'ospizio', 'residenza per anziani', 'anziani non autosufficienti', 'casa di cura']
		});
	}
	return drafts;
}
