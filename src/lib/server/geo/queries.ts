/** Reads for geocoding: the directory's own geocoded addresses. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { address, location } from '../db/schema/index.ts';
import type { KnownAddress } from './offline-geocoder.ts';

/** Every physical address of a location with coordinates ("Via Padova 276" at 45.49, 9.21). */
export async function findGeocodedAddresses(db: DbOrTx): Promise<KnownAddress[]> {
	return db
		.select({ address: address.address1, lat: location.latitude, lon: location.longitude })
		.from(address)
		.innerJoin(location, eq(location.id, address.locationId))
		.where(and(eq(address.addressType, 'physical'), isNotNull(location.latitude), isNotNull(location.longitude)))
		.then((rows) => rows as KnownAddress[]);
}
