// The page's side of the worker: requests by id, status for the page, retry.
//
// The worker was already started by an inline script in <head> (site_overrides/main.html)
// so Python loads while the page itself is still loading; this module takes it over and
// replays the messages it sent before anyone listened.
//
// On a page with precomputed answers (browser/static_answers.py) the inline script fetched
// those instead: a question found there is answered at once, with the very bytes the core
// would give, and Python is started only for the first question that is not.

const WORKER_URL = new URL("worker.mjs", import.meta.url);
// After this long without Python, offer a retry next to the waiting message.
const TRAAG_MS = 20000;
// The core answers a question in milliseconds once Python runs (the first one that needs the
// rest of the standard library loads it first: seconds on a slow phone). A question without an
// answer after this long means the worker died (terminated, crashed without an error event) or
// hangs: it is replaced by a fresh one, the open questions are asked again, and the page says so.
// A replacement that does not answer either is not replaced again: the page offers the retry.
const ANTWOORD_MS = 20000;

let worker = null;
let volgnummer = 0;
const wachtend = new Map(); // id -> {resolve, reject}
const luisteraars = new Set();
let status = { fase: "laden" };
let traagTimer = null;
let waakTimer = null;
let langLopend = 0; // herindicatie runs in flight: a question may wait behind them
let herstartZonderAntwoord = false; // restarted, and no answer since
// The build this page belongs to (browser/package.py writes it into the page; null in a bare
// mkdocs build). A worker of another build (the site was deployed since this page loaded, and
// the worker was started or restarted after that) is never used: see andereVersie.
export const PAGINA_VERSIE = paginaVersie();
export const HERLADEN = "rekenhulp:herladen-voor"; // sessionStorage: the build this tab reloaded for
// The page's precomputed answers ({basis, delen, eerst, haal(i)}, see main.html), or null.
const vooraf = window.__rekenhulp?.vooraf || null;
let allesGehaald = false;

// Today as the core sees it (date.today() on Pyodide follows the browser's local time).
function vandaag() {
  const d = new Date();
  const twee = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${twee(d.getMonth() + 1)}-${twee(d.getDate())}`;
}

// The table's key of an input object: keys sorted, no spaces (browser/form_space.py key()).
function sleutel(invoer) {
  const paren = Object.entries(invoer).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(paren));
}

// Which part of the table holds a key: FNV-1a over "soort key" in UTF-8, as
// browser/static_answers.py part_of().
function deel(soort, tekst, delen) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${soort} ${tekst}`)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h % delen;
}

// The precomputed answer (run_json's string) in a table (part) for this question, or null.
export function opzoeken(tabel, soort, invoer, dag = vandaag()) {
  const vorm = tabel?.soorten?.[soort];
  if (!vorm) return null;
  const periode = vorm.perioden.find((p) => (!p.van || p.van <= dag) && (!p.tot || dag < p.tot));
  const index = periode?.antwoorden[sleutel(invoer)];
  if (index === undefined) return null;
  return vorm.uitkomsten[index].split(vorm.datum).join(dag);
}

// The precomputed answer for this question, fetching its part of the table if needed; null
// when there is none (no table, a failed download, not in it).
export async function uitTabel(soort, invoer) {
  if (!vooraf) return null;
  const tabel = await vooraf.haal(deel(soort, sleutel(invoer), vooraf.delen));
  const json = tabel ? opzoeken(tabel, soort, invoer) : null;
  if (json !== null && !allesGehaald) {
    // The other parts once the browser is idle, so later choices answer at once (and offline).
    allesGehaald = true;
    const rest = () => {
      for (let i = 0; i < vooraf.delen; i++) vooraf.haal(i);
    };
    if ("requestIdleCallback" in window) requestIdleCallback(rest, { timeout: 3000 });
    else setTimeout(rest, 1000);
  }
  return json;
}

function paginaVersie() {
  try {
    const tekst = document.getElementById("rh-start")?.textContent || "{}";
    return JSON.parse(tekst.replace(/\/\*@[A-Z]+@\*\//g, "")).versie || null;
  } catch {
    return null;
  }
}

// A worker of another build: stop it, and reload into the new build (the answers are in the
// address, so they stay), once; the reloaded page says so (offline.js). Where a reload would
// lose work (the herindicatie page's file), or this tab already reloaded for that build and still
// got an older page (a cache in between), the page says there is a new version instead.
function andereVersie(versie) {
  if (worker) worker.terminate();
  worker = null;
  window.__rekenhulp = null;
  clearTimeout(traagTimer);
  clearTimeout(waakTimer);
  for (const w of wachtend.values()) w.reject(new Error("er is een nieuwe versie van de rekenhulp"));
  wachtend.clear();
  let al = null;
  try {
    al = sessionStorage.getItem(HERLADEN);
  } catch {
    /* storage off: the message below still works */
  }
  const herladen = al !== versie && !document.querySelector("[data-rekenhulp-niet-herladen]");
  meld({ fase: "nieuw", herladen });
  if (!herladen) return;
  try {
    sessionStorage.setItem(HERLADEN, versie);
  } catch {
    /* without storage the reload still happens; only the guard against a loop is lost */
  }
  window.location.reload();
}

function meld(nieuw) {
  status = nieuw;
  for (const fn of luisteraars) fn(status);
}

function ontvang(bericht) {
  if (!bericht) return;
  if (bericht.type === "versie") {
    if (PAGINA_VERSIE && bericht.versie && bericht.versie !== PAGINA_VERSIE) andereVersie(bericht.versie);
    return;
  }
  if (status.fase === "nieuw") return; // a stopped worker of another build
  if (bericht.type === "status") {
    clearTimeout(traagTimer);
    if (bericht.fase === "klaar") window.__rekenhulpStart = { ms: bericht.ms, tijden: bericht.tijden };
    if (bericht.fase === "fout") {
      for (const { reject } of wachtend.values()) reject(new Error(bericht.melding));
      wachtend.clear();
    }
    meld(bericht);
  } else if (bericht.type === "rijen" || bericht.type === "herindicatie-klaar" || bericht.type === "bestand") {
    wachtend.get(bericht.id)?.bericht(bericht);
  } else if (bericht.type === "resultaat") {
    const w = wachtend.get(bericht.id);
    if (!w) return;
    wachtend.delete(bericht.id);
    w.resolve({ json: bericht.json, ms: bericht.ms });
    herstartZonderAntwoord = false;
    waak();
  }
  if (bericht.type === "status" && bericht.fase === "klaar") waak();
}

// The watchdog: armed while Python runs and a question is open; any answer re-arms it.
function waak() {
  clearTimeout(waakTimer);
  waakTimer = null;
  const open = [...wachtend.values()].some((w) => w.vraag);
  if (!open || status.fase !== "klaar" || langLopend) return;
  waakTimer = setTimeout(herstart, ANTWOORD_MS);
}

// A dead or hung worker: a fresh one, the open questions asked again once it runs.
function herstart() {
  waakTimer = null;
  if (herstartZonderAntwoord) {
    if (worker) worker.terminate();
    worker = null;
    for (const w of wachtend.values()) w.reject(new Error("de rekenhulp reageert niet"));
    wachtend.clear();
    meld({ fase: "fout", melding: "hij reageert niet" });
    return;
  }
  herstartZonderAntwoord = true;
  const open = [...wachtend.entries()].filter(([, w]) => w.vraag);
  for (const w of wachtend.values()) if (!w.vraag) w.reject(new Error("opnieuw gestart"));
  if (worker) worker.terminate();
  worker = null;
  window.__rekenhulp = null;
  wachtend.clear();
  meld({ fase: "herstart" });
  try {
    koppel(nieuweWorker(), []);
  } catch (error) {
    meld({ fase: "fout", melding: String(error && error.message ? error.message : error) });
    for (const [, w] of open) w.reject(new Error("de rekenhulp kon niet opnieuw starten"));
    return;
  }
  for (const [id, w] of open) {
    wachtend.set(id, w);
    worker.postMessage(w.vraag);
  }
}

function koppel(nieuweWorker, inbox) {
  worker = nieuweWorker;
  worker.onmessage = (event) => ontvang(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    ontvang({ type: "status", fase: "fout", melding: "het rekenprogramma kon niet worden geladen" });
  };
  for (const bericht of inbox || []) ontvang(bericht);
  clearTimeout(traagTimer);
  traagTimer = setTimeout(() => {
    if (status.fase === "laden" || status.fase === "herstart") meld({ fase: "traag" });
  }, TRAAG_MS);
}

function nieuweWorker() {
  return new Worker(WORKER_URL, { type: "module", name: "rekenhulp" });
}

// Take over the worker started in <head>, or start one (not yet on a page with
// precomputed answers: see bereken).
export function start() {
  if (worker || vooraf) return;
  startPython();
}

function startPython() {
  if (worker || status.fase === "nieuw") return;
  const vroeg = window.__rekenhulp;
  try {
    if (vroeg && vroeg.worker) koppel(vroeg.worker, vroeg.inbox);
    else koppel(nieuweWorker(), []);
  } catch (error) {
    meld({ fase: "fout", melding: String(error && error.message ? error.message : error) });
  }
}

// Stop the worker and start a fresh one (the "Opnieuw proberen" button).
export function opnieuw() {
  clearTimeout(waakTimer);
  herstartZonderAntwoord = false;
  if (worker) worker.terminate();
  worker = null;
  for (const { reject } of wachtend.values()) reject(new Error("opnieuw gestart"));
  wachtend.clear();
  window.__rekenhulp = null;
  meld({ fase: "laden" });
  try {
    koppel(nieuweWorker(), []);
  } catch (error) {
    meld({ fase: "fout", melding: String(error && error.message ? error.message : error) });
  }
}

// Ask the core; resolves with {json, ms} (json: run_json's answer, a string).
export function bereken(soort, invoer) {
  if (!vooraf) return vraagPython(soort, invoer);
  const t0 = performance.now();
  return uitTabel(soort, invoer).then((json) => {
    if (json !== null) return { json, ms: performance.now() - t0, vooraf: true };
    return vraagPython(soort, invoer);
  });
}

function vraagPython(soort, invoer) {
  if (!worker) startPython();
  if (status.fase === "fout") return Promise.reject(new Error(status.melding));
  if (!worker) return Promise.reject(new Error("er is een nieuwe versie van de rekenhulp"));
  const id = ++volgnummer;
  const vraag = { type: "bereken", id, soort, invoer, vandaag: vandaag() };
  return new Promise((resolve, reject) => {
    wachtend.set(id, { resolve, reject, vraag });
    worker.postMessage(vraag);
    if (!waakTimer) waak();
  });
}

export function opStatus(fn) {
  luisteraars.add(fn);
  fn(status);
}

export function huidigeStatus() {
  return status;
}

// The herindicatie page: a whole file through the batch in the worker. ``opBericht`` gets every
// message of the run ("rijen", then "herindicatie-klaar"); resolves with the last.
export function herindiceer(bytes, peildatum, opBericht) {
  if (!worker) startPython();
  if (!worker) return Promise.reject(new Error("er is een nieuwe versie van de rekenhulp"));
  const id = ++volgnummer;
  langLopend += 1;
  waak();
  return new Promise((resolve, reject) => {
    wachtend.set(id, {
      reject: (error) => {
        langLopend -= 1;
        reject(error);
      },
      bericht: (b) => {
        opBericht(b);
        if (b.type === "herindicatie-klaar") {
          wachtend.delete(id);
          langLopend -= 1;
          waak();
          resolve(b);
        }
      },
    });
    worker.postMessage({ type: "herindicatie", id, bytes, peildatum }, [bytes]);
  });
}

// The herindicatie page, once loaded: have the worker import the batch now (and with it the
// rest of the standard library, for cp1252), while the consultant is still choosing a file.
export function voorbereiden() {
  if (!worker) startPython();
  worker?.postMessage({ type: "voorbereiden" });
}

// A download of the last run: the CSV as the batch wrote it, or the xlsx made from it.
export function bestand(soort) {
  if (!worker) return Promise.reject(new Error("er is een nieuwe versie van de rekenhulp"));
  const id = ++volgnummer;
  return new Promise((resolve, reject) => {
    wachtend.set(id, {
      reject,
      bericht: (b) => {
        wachtend.delete(id);
        if (b.fout) reject(new Error(b.fout));
        else resolve(b.bytes);
      },
    });
    worker.postMessage({ type: "bestand", id, soort });
  });
}
