import fs from 'node:fs';
import path from 'node:path';

/** Vendor payloads copied into the repository (see test/fixtures/README.md for each file's source and license). */
export const VENDOR_FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export const vendorPath = (...parts: string[]): string => path.join(VENDOR_FIXTURES, ...parts);

export const readVendorText = (...parts: string[]): string => fs.readFileSync(vendorPath(...parts), 'utf8');

export const readVendorJson = <T = unknown>(...parts: string[]): T =>
  JSON.parse(readVendorText(...parts)) as T;
