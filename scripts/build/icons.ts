// Draws the extension icon (three signal arcs over a dot: a stream) at each size and
// encodes it as PNG with node:zlib, so no binary assets or image tools are needed.
import { crc32, deflateSync } from 'node:zlib';

const INK: [number, number, number] = [26, 115, 232];

/** RGBA pixels of the icon at `size`×`size`, antialiased by 4×4 supersampling. */
export function drawIcon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const cx = 0.22;
  const cy = 0.78;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const u = (x + (sx + 0.5) / 4) / size;
          const v = (y + (sy + 0.5) / 4) / size;
          if (inside(u - cx, cy - v)) cover++;
        }
      }
      const i = (y * size + x) * 4;
      px[i] = INK[0];
      px[i + 1] = INK[1];
      px[i + 2] = INK[2];
      px[i + 3] = Math.round((cover / 16) * 255);
    }
  }
  return px;
}

function inside(dx: number, dy: number): boolean {
  const r = Math.hypot(dx, dy);
  if (r < 0.1) return true;
  if (dx < 0 || dy < 0) return false;
  return [0.3, 0.5, 0.7].some((ring) => Math.abs(r - ring) < 0.065);
}

export function encodePng(size: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
