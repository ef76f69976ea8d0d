// Writes the site's service worker with Workbox (npm workbox-build, pinned in package.json):
// a precache of the files named by the patterns in the configuration, each served from the
// cache first, so the rekenhulp works without a network once the worker has installed.
//
// usage: node service_worker.mjs CONFIG.json   (written by browser/service_worker.py)
import { readFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { count, size, warnings } = await generateSW({
  globDirectory: config.site,
  globPatterns: config.patterns,
  globIgnores: config.ignore,
  swDest: config.dest,
  // Hashed and versioned names are their own revision: Workbox then fetches them without a
  // cache-busting parameter, so files the page already downloaded come from the HTTP cache.
  dontCacheBustURLsMatching: new RegExp(config.hashed),
  maximumFileSizeToCacheInBytes: config.max_bytes,
  // "/rekenhulp/pgb-budget/" is served from ".../index.html" in the precache.
  directoryIndex: "index.html",
  // One file, no workbox-*.js beside it, nothing from any other origin.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  cleanupOutdatedCaches: true,
  // A new build takes over as soon as it is installed; the page says so (offline.js) and
  // the next visit shows the new version.
  skipWaiting: true,
  clientsClaim: true,
  cacheId: "wmo-rekenhulp",
});
for (const w of warnings) console.warn(`service worker: ${w}`);
console.log(`service worker: ${count} bestanden, ${(size / 1e6).toFixed(1)} MB in de precache`);
