// The rekenhulp without a network: once a calculator page has shown its first answer, it
// registers the site's service worker (sw.js, generated with Workbox by the build; see
// browser/service_worker.py), which stores every calculator page, the runtime, the product
// cards and the tariff pages on this device. Catalogue pages never load this module, so a
// visitor who only reads the catalogue never downloads the Python runtime.
//
// The page says, in plain Dutch, whether the rekenhulp works without internet here, and
// when a new version (a new build, for example new tariffs) has been stored.
// It also says when the site has a new build since this page loaded: found by the service
// worker, or, when the visitor comes back to the tab, by asking the site for its version
// (versie.json, never from a cache); a worker of another build is said in each answer's place
// (python.js andereVersie, rekenhulp.js). After
// python.js reloaded into a new build, the page says it was updated.
// For tests: the message element carries data-offline = "geen" | "bezig" | "klaar" | "fout" | "nieuw",
// and data-bijgewerkt when the page was reloaded into a new build.

import { HERLADEN, PAGINA_VERSIE } from "./python.js"; // HERLADEN: set by python.js before it reloads into a new build

const melding = maakMelding();
const basis = document.querySelector('meta[name="rekenhulp-basis"]')?.content || ".";
const TEKST = {
  geen: "Deze browser kan de rekenhulp niet op uw apparaat bewaren. Zonder internet werkt hij hier niet.",
  bezig: "De rekenhulp wordt op uw apparaat bewaard. Daarna werkt hij ook zonder internet.",
  klaar: "De rekenhulp is op uw apparaat bewaard. Hij werkt ook zonder internet.",
  fout: "De rekenhulp kon niet op uw apparaat worden bewaard. Hij werkt alleen als u internet heeft.",
  nieuw: "Er is een nieuwe versie van de rekenhulp, bijvoorbeeld met nieuwe bedragen. Laad de pagina opnieuw om die te gebruiken.",
};
const ZONDER_NET = " U heeft nu geen internet.";
const BIJGEWERKT = "De rekenhulp is bijgewerkt naar een nieuwe versie, bijvoorbeeld met nieuwe bedragen. Uw antwoorden zijn overgenomen.";

let fase = null;
let bijgewerkt = false;

// The message, at the end of the page's text (made here, so the page templates need nothing).
function maakMelding() {
  const el = document.createElement("div");
  el.className = "rh-offline";
  el.dataset.rekenhulpOffline = "";
  el.setAttribute("role", "status");
  el.hidden = true;
  el.innerHTML =
    '<p class="rh-offline-tekst"></p>' +
    // (style, not the hidden attribute: the theme's .md-button sets its own display)
    '<button type="button" class="md-button" style="display: none">Pagina opnieuw laden</button>';
  (document.querySelector("article.md-content__inner") || document.body).append(el);
  return el;
}
// Whether an earlier version of the service worker already controlled this page when it
// loaded: a controller that changes afterwards is a new build taking over.
const hadBeheer = "serviceWorker" in navigator && Boolean(navigator.serviceWorker.controller);
if (hadBeheer) {
  navigator.serviceWorker.addEventListener("controllerchange", () => toon("nieuw"));
}

function toon(nieuw) {
  fase = nieuw;
  melding.dataset.offline = nieuw;
  const los = nieuw === "klaar" && !navigator.onLine ? ZONDER_NET : "";
  const voor = bijgewerkt && nieuw !== "nieuw" ? `${BIJGEWERKT} ` : "";
  melding.querySelector(".rh-offline-tekst").textContent = voor + TEKST[nieuw] + los;
  melding.querySelector("button").style.display = nieuw === "nieuw" ? "" : "none";
  melding.hidden = false;
}

// Installed (everything stored) once the worker is active. WebKit can move the worker into
// `registration.active` and `controller` without its `.state` leaving "installing" and without
// `statechange` events; `navigator.serviceWorker.ready` (an active worker for this page's scope)
// and `controllerchange` say so there, so any of the three counts.
function wachtOpGeinstalleerd(sw) {
  return new Promise((resolve) => {
    if (!sw || sw.state === "activated") return resolve(Boolean(sw));
    sw.addEventListener("statechange", () => {
      if (sw.state === "activated") resolve(true);
      if (sw.state === "redundant") resolve(false);
    });
    navigator.serviceWorker.ready.then((registratie) => {
      if (registratie.active && sw.state !== "redundant") resolve(true);
    });
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (navigator.serviceWorker.controller && sw.state !== "redundant") resolve(true);
    });
  });
}

async function registreer() {
  const sw = navigator.serviceWorker;
  if (!hadBeheer) toon("bezig");
  let registratie;
  try {
    registratie = await sw.register(new URL(`${basis}/sw.js`, document.baseURI), {
      scope: new URL(`${basis}/`, document.baseURI).pathname,
    });
  } catch (error) {
    console.warn("rekenhulp: service worker niet geregistreerd", error);
    toon(hadBeheer ? "klaar" : "fout");
    return;
  }
  if (hadBeheer) {
    if (fase !== "nieuw") toon("klaar");
    return;
  }
  const nieuw = registratie.installing || registratie.waiting || registratie.active;
  toon((await wachtOpGeinstalleerd(nieuw)) ? "klaar" : "fout");
}

function naEersteAntwoord(fn) {
  if (performance.getEntriesByName("rekenhulp:eerste-resultaat").length) return fn();
  const luister = (event) => {
    if (!event.detail?.eerste) return;
    document.removeEventListener("rekenhulp:resultaat", luister);
    fn();
  };
  document.addEventListener("rekenhulp:resultaat", luister);
}

melding.querySelector("button").addEventListener("click", () => window.location.reload());

// Reloaded by python.js into this build: say so (once; a later reload is an ordinary one).
try {
  if (PAGINA_VERSIE && sessionStorage.getItem(HERLADEN) === PAGINA_VERSIE) {
    sessionStorage.removeItem(HERLADEN);
    bijgewerkt = true;
    melding.dataset.bijgewerkt = "";
    melding.querySelector(".rh-offline-tekst").textContent = BIJGEWERKT;
    melding.hidden = false;
  }
} catch {
  /* storage off: nothing was stored either */
}

// Back to a tab left open: is the site still the build this page is? (Offline the question
// fails and the page stays as it is: it is one consistent version.)
async function vraagVersie() {
  if (!PAGINA_VERSIE || fase === "nieuw" || document.visibilityState !== "visible") return;
  try {
    const antwoord = await fetch(new URL("versie.json", import.meta.url), { cache: "no-store" });
    const { versie } = antwoord.ok ? await antwoord.json() : {};
    if (versie && versie !== PAGINA_VERSIE) toon("nieuw");
  } catch {
    /* no network, or no answer: nothing to say */
  }
}
document.addEventListener("visibilitychange", vraagVersie);
window.addEventListener("online", vraagVersie);
window.addEventListener("online", () => fase && toon(fase));
window.addEventListener("offline", () => fase && toon(fase));

if (!("serviceWorker" in navigator)) {
  toon("geen");
} else if (hadBeheer) {
  registreer(); // stored already: nothing to wait for
} else {
  // After the first answer: the install then fetches what the page has not loaded yet,
  // without competing with what the first answer needs.
  naEersteAntwoord(() => {
    registreer();
  });
}
