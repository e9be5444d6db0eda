/**
 * A small ZIP writer (PKWARE APPNOTE: local headers, central directory, end record), deflating
 * each file with node:zlib and checksumming it with zlib.crc32. Enough for the data package:
 * a few dozen files, each under 4 GB (no ZIP64). Each file is read whole, one at a time.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; file: string };

/** MS-DOS date and time fields of a Date (local time, 2-second resolution). */
function dosDateTime(date: Date): { time: number; date: number } {
	return {
		time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
		date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()
	};
}

export async function writeZip(target: string, entries: readonly ZipEntry[], modified = new Date()): Promise<void> {
	const out = createWriteStream(target);
	const write = async (buffer: Buffer) => {
		if (!out.write(buffer)) await once(out, 'drain');
	};
	const { time, date } = dosDateTime(modified);
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const data = await readFile(entry.file);
		const compressed = deflateRawSync(data, { level: 6 });
		const checksum = crc32(data);
		const name = Buffer.from(entry.name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
		local.writeUInt16LE(0x0800, 6); // names in UTF-8
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(date, 12);
		local.writeUInt32LE(checksum, 14);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		const header = Buffer.alloc(46);
		header.writeUInt32LE(0x02014b50, 0);
		header.writeUInt16LE(20, 4); // made by: 2.0
		local.copy(header, 6, 4, 30); // version needed .. name length: as in the local header
		// comment length, disk number, internal and external attributes: 0
		header.writeUInt32LE(offset, 42);
		central.push(header, name);
		await write(local);
		await write(name);
		await write(compressed);
		offset += local.length + name.length + compressed.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	await write(directory);
	await write(end);
	out.end();
	await once(out, 'finish');
}
