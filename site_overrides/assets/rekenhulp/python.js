// The page's side of the worker: requests by id, status for the page, retry.
//
// The worker was already started by an inline script in <head> (site_overrides/main.html)
// so Python loads while the page itself is still loading; this module takes it over and
// replays the messages it sent before anyone listened.

const WORKER_URL = new URL("worker.mjs", import.meta.url);
// After this long without Python, offer a retry next to the waiting message.
const TRAAG_MS = 20000;

let worker = null;
let volgnummer = 0;
const wachtend = new Map(); // id -> {resolve, reject}
const luisteraars = new Set();
let status = { fase: "laden" };
let traagTimer = null;

function meld(nieuw) {
  status = nieuw;
  for (const fn of luisteraars) fn(status);
}

function ontvang(bericht) {
  if (!bericht) return;
  if (bericht.type === "status") {
    clearTimeout(traagTimer);
    if (bericht.fase === "klaar") window.__rekenhulpStart = { ms: bericht.ms, snapshot: bericht.snapshot, tijden: bericht.tijden };
    if (bericht.fase === "fout") {
      for (const { reject } of wachtend.values()) reject(new Error(bericht.melding));
      wachtend.clear();
    }
    meld(bericht);
  } else if (bericht.type === "resultaat") {
    const w = wachtend.get(bericht.id);
    if (!w) return;
    wachtend.delete(bericht.id);
    w.resolve({ json: bericht.json, ms: bericht.ms });
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
    if (status.fase === "laden") meld({ fase: "traag" });
  }, TRAAG_MS);
}

function nieuweWorker() {
  return new Worker(WORKER_URL, { type: "module", name: "rekenhulp" });
}

// Take over the worker started in <head>, or start one.
export function start() {
  if (worker) return;
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
  if (!worker) start();
  if (status.fase === "fout") return Promise.reject(new Error(status.melding));
  const id = ++volgnummer;
  return new Promise((resolve, reject) => {
    wachtend.set(id, { resolve, reject });
    worker.postMessage({ type: "bereken", id, soort, invoer });
  });
}

export function opStatus(fn) {
  luisteraars.add(fn);
  fn(status);
}

export function huidigeStatus() {
  return status;
}
