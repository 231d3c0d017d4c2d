'use strict';
/* Reads the pixel size of a PNG from its IHDR chunk (first chunk after the signature). */

const fs = require('fs');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * @param {string} file
 * @returns {{ ok: true, width: number, height: number } | { ok: false, reason: string }}
 */
function readPngSize(file) {
  let buf;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      buf = Buffer.alloc(33);
      const n = fs.readSync(fd, buf, 0, 33, 0);
      buf = buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { ok: false, reason: e.code === 'ENOENT' ? 'missing' : String(e.message || e) };
  }
  if (buf.length < 24 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    return { ok: false, reason: 'not a PNG (bad signature)' };
  }
  if (buf.toString('ascii', 12, 16) !== 'IHDR') {
    return { ok: false, reason: 'not a PNG (first chunk is not IHDR)' };
  }
  return { ok: true, width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

module.exports = { readPngSize };
