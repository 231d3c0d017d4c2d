#!/usr/bin/env node
/*
 * Generates the add-in icons assets/icon-{16,32,64,80,128}.png.
 * Dependency-free: rasterises a few shapes with 4x4 supersampling and writes RGBA PNGs with
 * Node's zlib. The PNGs are committed; run this only to change the design:
 *   node scripts/make-icons.js [outDir]
 *
 * Design: a green rounded square; on it a white ledger sheet with ruled lines and an amber
 * check mark (>= 32 px). At 16 px the sheet would be mush, so it is a white check mark only.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BG = [0x10, 0x7c, 0x41]; // Excel-like green
const SHEET = [0xff, 0xff, 0xff];
const RULE = [0x9c, 0xc9, 0xb0];
const CHECK = [0xff, 0xb9, 0x00];
const WHITE = [0xff, 0xff, 0xff];

// ---- PNG encoding -------------------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Geometry (unit square, y down) -------------------------------------------------------
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function nearPolyline(x, y, pts, halfWidth) {
  for (let i = 0; i + 1 < pts.length; i++) {
    if (distToSegment(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) <= halfWidth) {
      return true;
    }
  }
  return false;
}

/** Colour [r,g,b] or null (transparent) of the design at unit point (x, y). */
function designFor(size) {
  if (size < 32) {
    const check = [
      [0.22, 0.52],
      [0.42, 0.72],
      [0.79, 0.3],
    ];
    return (x, y) => {
      if (!inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return null;
      if (nearPolyline(x, y, check, 0.095)) return WHITE;
      return BG;
    };
  }
  const sheet = [0.2, 0.14, 0.7, 0.86];
  const rules = [0.3, 0.42, 0.54, 0.66, 0.78];
  const check = [
    [0.46, 0.64],
    [0.6, 0.78],
    [0.86, 0.44],
  ];
  return (x, y) => {
    if (!inRoundRect(x, y, 0, 0, 1, 1, 0.18)) return null;
    if (nearPolyline(x, y, check, 0.075)) return CHECK;
    if (nearPolyline(x, y, check, 0.125)) return BG; // outline separating the check from the sheet
    if (inRoundRect(x, y, sheet[0], sheet[1], sheet[2], sheet[3], 0.04)) {
      if (rules.some((r) => Math.abs(y - r) <= 0.022) && x > sheet[0] + 0.07 && x < sheet[2] - 0.07) {
        return RULE;
      }
      return SHEET;
    }
    return BG;
  };
}

function render(size) {
  const ss = 4;
  const colourAt = designFor(size);
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
