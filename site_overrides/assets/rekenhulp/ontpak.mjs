// The memory snapshot's file format ("RKS1", written by browser/precompile.mjs), unpacked.
// The one copy: the worker imports it from the site, and so does the parity runner
// (tests/browser/run_in_pyodide.mjs) from the built site under Node.
//
// Layout: "RKS1", total size, page size, page count (little-endian u32), a bitmap with one
// bit per page (1: stored), then the stored pages in order; pages left out are all zero.

// Write the stored pages of `bytes` into `out`, a zeroed buffer of the full size. Page 0
// (which holds Pyodide's magic number) is written last: if anything fails before, the
// buffer stays invalid and Pyodide rejects it instead of restoring half a snapshot.
export function ontpak(bytes, out) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, false) !== 0x524b5331) throw new Error("onbekend momentopnameformaat");
  const total = view.getUint32(4, true);
  const page = view.getUint32(8, true);
  const n = view.getUint32(12, true);
  if (total !== out.length) throw new Error("momentopname heeft een andere grootte");
  const bitmap = bytes.subarray(16, 16 + Math.ceil(n / 8));
  let at = 16 + bitmap.length;
  let eerste = null;
  for (let i = 0; i < n; i++) {
    if (bitmap[i >> 3] & (1 << (i & 7))) {
      const length = Math.min(page, total - i * page);
      if (at + length > bytes.length) throw new Error("momentopname is afgebroken");
      const stuk = bytes.subarray(at, at + length);
      if (i === 0) eerste = stuk;
      else out.set(stuk, i * page);
      at += length;
    }
  }
  if (eerste) out.set(eerste, 0);
  return out;
}
