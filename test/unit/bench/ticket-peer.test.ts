/**
 * The ticket bench's peer must print the same paper as we do: node-thermal-printer given our
 * ticket as a PNG sends exactly our ticket's dots (one GS v 0 image), so the times compare like
 * with like.
 */
import { PNG } from 'pngjs';
import { ourTicketPng, peerImageJob } from '../../../bench/ticket-render';

/** The payload of every GS v 0 raster command in a job, with its size in dots. */
function rasters(job: Uint8Array): { width: number; rows: number; data: Buffer }[] {
  const out: { width: number; rows: number; data: Buffer }[] = [];
  for (let i = 0; i + 8 <= job.length; i++) {
    if (job[i] !== 0x1d || job[i + 1] !== 0x76 || job[i + 2] !== 0x30) continue;
    const rowBytes = job[i + 4]! + 256 * job[i + 5]!;
    const rows = job[i + 6]! + 256 * job[i + 7]!;
    out.push({ width: rowBytes * 8, rows, data: Buffer.from(job.subarray(i + 8, i + 8 + rowBytes * rows)) });
    i += 7 + rowBytes * rows;
  }
  return out;
}

describe('ticket bench peer', () => {
  it('node-thermal-printer prints our ticket picture dot for dot', async () => {
    const png = ourTicketPng();
    const picture = PNG.sync.read(png);
    const expected = Buffer.alloc((picture.width / 8) * picture.height);
    for (let p = 0; p < picture.width * picture.height; p++) if (picture.data[p * 4]! < 128) expected[p >> 3]! |= 0x80 >> (p & 7);
    const images = rasters(await peerImageJob(png));
    expect(images.map((r) => [r.width, r.rows])).toEqual([[picture.width, picture.height]]);
    expect(images[0]!.data.equals(expected)).toBe(true);
    expect(expected.some((b) => b !== 0)).toBe(true);
  });
});
