import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { loadSharp, rasteriseSvg } from '../../catalog/images.js';

/**
 * Uploaded SVG images were checked by a regex that let script through; uploads are now
 * rasterised to PNG. This converts the SVGs already stored, in place, so every image URL keeps
 * working and none serves SVG any more. One that cannot be drawn becomes a plain grey square
 * rather than staying as a possibly hostile SVG.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{
    id: string;
    bytes: Uint8Array;
  }>`select id, bytes from media_files where media_type = 'image/svg+xml'`.execute(db);
  for (const row of rows.rows) {
    let png: { bytes: Buffer; width: number; height: number };
    try {
      png = await rasteriseSvg(Buffer.from(row.bytes));
    } catch {
      const sharp = await loadSharp();
      const bytes = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#d0d4d8' } })
        .png()
        .toBuffer();
      png = { bytes, width: 256, height: 256 };
    }
    const sha256 = createHash('sha256').update(png.bytes).digest('hex');
    await sql`update media_files set media_type = 'image/png', bytes = ${png.bytes}, byte_size = ${png.bytes.length}, width = ${png.width}, height = ${png.height}, sha256 = ${sha256} where id = ${row.id}`.execute(
      db,
    );
  }
}

/** The original SVGs are gone by design; there is nothing to restore. */
export async function down(): Promise<void> {}
