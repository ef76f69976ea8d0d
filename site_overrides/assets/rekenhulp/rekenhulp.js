// The rekenhulp page: every <form data-soort> is recomputed by the Python core as the user
// types, and its answer shown in the <section data-rekenhulp-resultaat="<form id>">.
//
// For tests and the benchmark the result section carries data-status ("laden", "klaar",
// "fout" for input the core rejected, "storing" when Python could not start, "herstart" while
// a worker that stopped answering is replaced) and data-berekeningen (answers shown so far), and
// aria-busy="true" while a question is out; every answer shown also fires the document
// event "rekenhulp:resultaat" (detail: {formulier, ms, eerste, uitkomst}).

import * as python from "./python.js";
import {
  antwoorden,
  formulierVoor,
  initLijsten,
  leesApart,
  leesInvoer,
  naarFragment,
  pasZichtbaarheidToe,
  toonFouten,
  toonSamenvatting,
  vanFragment,
  wisFouten,
} from "./formulier.js";
import * as inwoner from "./inwoner.js";
import { html } from "./opmaak.js";
import { reproductieLink } from "./dossier.js";
import { initVergelijking } from "./vergelijk.js";
import { foutenlijst, weergave } from "./weergave.js";

const ctx = {
  basis: document.querySelector('meta[name="rekenhulp-basis"]')?.content || ".",
  data: JSON.parse(document.getElementById("rh-data")?.textContent || "{}"),
};
let eersteGetoond = false;
// Lets the theme's search index load (held back in main.html while Python starts).
const zoekenMag = window.__rekenhulp?.zoekenMag || (() => {});

class Rekenvorm {
  constructor(form) {
    this.form = form;
    this.soort = form.dataset.soort;
    this.uitkomst = document.querySelector(`[data-rekenhulp-resultaat="${form.id}"]`);
    this.inhoud = this.uitkomst.querySelector(".rh-inhoud");
    this.status = this.uitkomst.querySelector(".rh-status");
    this.bezig = false;
    this.opnieuwNodig = false;
    this.aantal = 0;
    this.laatsteSamenvatting = "";

    const plan = () => this.plan();
    form.addEventListener("input", plan);
    form.addEventListener("change", plan);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      plan();
    });
    initLijsten(form, plan);
    // The resident's page (a form with a place question): suggestions, recap, bottom bar.
    this.plaats = form.querySelector("select[data-plaatsen]");
    if (this.plaats) inwoner.init(this, plan);
    this.uitkomst.querySelector("[data-actie='deel']")?.addEventListener("click", () => this.deel());
    this.uitkomst.querySelector("[data-actie='print']")?.addEventListener("click", () => this.print());
  }

  // At most one question in flight per form; edits made meanwhile are sent once it returns,
  // so a burst of typing costs one extra calculation, not one per key. One edit often fires
  // both "input" and "change": the same question is not asked twice.
  plan(opnieuw = false) {
    pasZichtbaarheidToe(this.form);
    if (this.plaats && !this.plaats.value) {
      this.kiesEerst();
      return;
    }
    const invoer = leesInvoer(this.form);
    const apart = leesApart(this.form);
    // The town names the answer, so two towns of one region are two answers to show.
    const sleutel = JSON.stringify([invoer, apart, this.plaats?.value]);
    if (this.bezig) {
      if (sleutel !== this.gevraagd) this.opnieuwNodig = true;
      return;
    }
    if (!opnieuw && sleutel === this.getoond) return;
    this.stuur(invoer, apart, sleutel);
  }

  // No answer before the resident has said where she lives: nothing on the page reads as hers.
  kiesEerst() {
    this.getoond = null;
    this.uitkomst.dataset.status = "kies";
    const tekst = "Kies eerst uw gemeente of dorp. Dan ziet u hier welke hulp bij u past.";
    if (this.laatsteSamenvatting !== tekst) this.status.textContent = tekst;
    this.laatsteSamenvatting = tekst;
    this.inhoud.innerHTML = "";
    inwoner.naAntwoord(this, null);
    zoekenMag();
  }

  async stuur(invoer, apart, sleutel) {
    this.bezig = true;
    // aria-busy: screen readers wait for the new answer; tests wait on it too (no fixed sleeps).
    this.uitkomst.setAttribute("aria-busy", "true");
    this.opnieuwNodig = false;
    this.gevraagd = sleutel;
    let antwoord;
    const erbij = {};
    try {
      antwoord = await python.bereken(this.soort, invoer);
      // Fields of another soort (the household's eigen bijdrage) are asked of that soort.
      for (const [soort, deel] of Object.entries(apart)) {
        erbij[soort] = JSON.parse((await python.bereken(soort, deel)).json);
      }
    } catch {
      this.bezig = false; // the status listener shows what went wrong
      this.uitkomst.setAttribute("aria-busy", "false");
      return;
    }
    this.bezig = false;
    this.uitkomst.setAttribute("aria-busy", "false");
    if (this.opnieuwNodig) {
      this.plan(); // the answer is already stale: ask again, show only the newest
      return;
    }
    this.getoond = sleutel;
    this.toon(metErbij(JSON.parse(antwoord.json), erbij), antwoord.ms);
  }

  toon(uitkomst, ms) {
    const open = new Set([...this.inhoud.querySelectorAll("details[open]")].map((d) => d.dataset.sleutel));
    let samenvatting;
    if (uitkomst.fouten) {
      const los = toonFouten(this.form, uitkomst.fouten);
      toonSamenvatting(this.form, uitkomst.fouten);
      this.inhoud.innerHTML = foutenlijst(los.length ? los : uitkomst.fouten);
      this.uitkomst.dataset.status = "fout";
      const n = uitkomst.fouten.length;
      samenvatting = `Controleer uw antwoorden: ${n} ${n === 1 ? "fout" : "fouten"}.`;
    } else {
      this.peildatum = uitkomst.peildatum;
      wisFouten(this.form);
      toonSamenvatting(this.form, []);
      const w = weergave({ ...ctx, plaats: inwoner.plaatsVan(this) }, this.soort, uitkomst);
      this.inhoud.innerHTML = (this.plaats ? "" : this.printAntwoorden()) + w.html;
      this.regioInfo(uitkomst.regio);
      if (this.plaats) inwoner.naAntwoord(this, w);
      for (const d of this.inhoud.querySelectorAll("details[data-sleutel]")) {
        if (open.has(d.dataset.sleutel)) d.open = true;
      }
      this.uitkomst.dataset.status = "klaar";
      samenvatting = `${this.naHerstart ? "De rekenhulp is opnieuw gestart. " : ""}Uitkomst: ${w.samenvatting}.`;
      this.naHerstart = false;
    }
    if (samenvatting !== this.laatsteSamenvatting) {
      this.status.textContent = samenvatting;
      this.laatsteSamenvatting = samenvatting;
    }
    this.aantal += 1;
    this.uitkomst.dataset.berekeningen = String(this.aantal);
    const eerste = !eersteGetoond;
    if (eerste) {
      eersteGetoond = true;
      performance.mark("rekenhulp:eerste-resultaat");
      zoekenMag();
    }
    document.dispatchEvent(
      new CustomEvent("rekenhulp:resultaat", { detail: { formulier: this.form.id, ms, eerste, uitkomst } }),
    );
  }

  // What the sources say about a region the core has no amounts for: a block the page rendered from
  // content (data-regio-info), copied into the answer right after the headline, so it prints too.
  regioInfo(regio) {
    if (!regio) return;
    const blok = [...document.querySelectorAll("[data-regio-info]")].find((el) => el.dataset.regioInfo === regio);
    if (!blok) return;
    const kopie = blok.cloneNode(true);
    kopie.hidden = false;
    kopie.removeAttribute("data-regio-info");
    const kop = this.inhoud.querySelector(".rh-regio-uitleg") || this.inhoud.querySelector(".rh-kop");
    if (kop) kop.after(kopie);
    else this.inhoud.prepend(kopie);
  }

  printAntwoorden() {
    const rijen = antwoorden(this.form)
      .map((a) => `<dt>${html(a.label)}</dt><dd>${html(a.waarde)}</dd>`)
      .join("");
    return rijen ? `<div class="rh-print-antwoorden"><p>Uw antwoorden</p><dl>${rijen}</dl></div>` : "";
  }

  storing(status) {
    if (status.fase === "herstart") {
      // The answer shown may no longer fit the form: it goes, and the page says why.
      this.uitkomst.dataset.status = "herstart";
      this.status.textContent = "De rekenhulp reageerde niet meer en wordt opnieuw gestart. Uw antwoorden blijven staan.";
      this.laatsteSamenvatting = "";
      this.naHerstart = true;
      this.getoond = null;
      this.inhoud.innerHTML =
        '<div class="rh-storing"><p>De rekenhulp reageerde niet meer en wordt opnieuw gestart. ' +
        "Uw antwoorden blijven staan; de uitkomst volgt zo.</p></div>";
      return;
    }
    if (status.fase === "nieuw") {
      // A new build of the site since this page loaded (python.js andereVersie): its answers are
      // not mixed with this page's; the page reloads into it or offers to.
      this.uitkomst.dataset.status = "nieuw";
      const tekst = status.herladen
        ? "Er is een nieuwe versie van de rekenhulp, bijvoorbeeld met nieuwe bedragen. De pagina wordt opnieuw geladen; uw antwoorden blijven staan."
        : "Er is een nieuwe versie van de rekenhulp, bijvoorbeeld met nieuwe bedragen. Laad de pagina opnieuw om verder te rekenen; uw antwoorden blijven staan.";
      this.status.textContent = tekst;
      this.laatsteSamenvatting = "";
      this.getoond = null;
      // (the box says why, the status line above it already says what)
      this.inhoud.innerHTML = status.herladen
        ? '<div class="rh-storing"><p>Een moment…</p></div>'
        : '<div class="rh-storing"><p>Deze pagina rekent niet verder met de nieuwe versie, zodat oude en nieuwe bedragen niet door elkaar staan.</p>' +
          '<button type="button" class="md-button md-button--primary" data-actie="herladen">Pagina opnieuw laden</button></div>';
      this.inhoud.querySelector("[data-actie='herladen']")?.addEventListener("click", () => window.location.reload());
      return;
    }
    if (status.fase === "laden") {
      this.uitkomst.dataset.status = "laden";
      this.status.textContent = "De rekenhulp wordt geladen…";
      this.laatsteSamenvatting = "";
      if (this.inhoud.querySelector(".rh-storing")) this.inhoud.innerHTML = "";
      return;
    }
    zoekenMag();
    const traag = status.fase === "traag";
    this.uitkomst.dataset.status = traag ? "laden" : "storing";
    this.status.textContent = traag
      ? "Het laden van de rekenhulp duurt lang."
      : `De rekenhulp kon niet starten${status.melding ? ` (${status.melding})` : ""}. Uw antwoorden blijven staan.`;
    this.laatsteSamenvatting = "";
    this.inhoud.innerHTML =
      `<div class="rh-storing"><p>${traag ? "U kunt wachten of het opnieuw proberen." : "Probeer het opnieuw. Lukt het niet, probeer dan een andere browser."}</p>` +
      `<button type="button" class="md-button md-button--primary" data-actie="opnieuw">Opnieuw proberen</button></div>`;
    this.inhoud.querySelector("[data-actie='opnieuw']").addEventListener("click", () => {
      python.opnieuw();
      for (const vorm of vormen) vorm.plan(true);
    });
  }

  async deel() {
    const url = new URL(window.location.href);
    url.hash = naarFragment(this.form);
    // A consultant's page (with a receipt) pins the answer's peildatum, so the link gives the same answer later.
    if (ctx.data.bonnetje) url.href = reproductieLink(this.form, this.peildatum);
    history.replaceState(null, "", url);
    const melding = this.uitkomst.querySelector(".rh-deelmelding");
    const veld = this.uitkomst.querySelector(".rh-deellink input");
    veld.value = url.href;
    veld.closest(".rh-deellink").hidden = false;
    let gekopieerd = false;
    try {
      await navigator.clipboard.writeText(url.href);
      gekopieerd = true;
    } catch {
      // no clipboard permission: the link is in the address bar and in the field
    }
    melding.textContent = gekopieerd
      ? "De link naar deze berekening is gekopieerd. Alleen wat u invulde staat erin; het gaat niet naar een server."
      : "De link naar deze berekening staat in de adresbalk en hieronder. Alleen wat u invulde staat erin; het gaat niet naar een server.";
    veld.select();
  }

  print() {
    document.body.dataset.rhPrint = this.form.id;
    this.uitkomst.dataset.printDoel = "";
    this.form.closest(".rh-sectie")?.setAttribute("data-print-doel", "");
    window.print();
  }
}

// The eigen bijdrage the household's own answers give replaces the one the form's soort gave
// without them (and its step in "Waarom?").
function metErbij(uitkomst, erbij) {
  const eb = erbij.eigen_bijdrage;
  if (uitkomst.fouten || !eb || eb.fouten || !eb.eigen_bijdrage) return uitkomst;
  const zonder = (uitkomst.toelichting || []).filter((s) => s.regel !== "eigen_bijdrage");
  return { ...uitkomst, eigen_bijdrage: eb.eigen_bijdrage, toelichting: [...zonder, ...(eb.toelichting || [])] };
}

// On paper every "Waarom?" is shown open; the reader's choice comes back afterwards.
let dichtVoorPrint = [];
window.addEventListener("beforeprint", () => {
  dichtVoorPrint = [...document.querySelectorAll(".rh-waarom:not([open])")];
  for (const d of dichtVoorPrint) d.open = true;
});
window.addEventListener("afterprint", () => {
  for (const d of dichtVoorPrint) d.open = false;
  dichtVoorPrint = [];
  delete document.body.dataset.rhPrint;
  for (const el of document.querySelectorAll("[data-print-doel]")) el.removeAttribute("data-print-doel");
});

const vormen = [...document.querySelectorAll("form[data-soort]")].map((form) => new Rekenvorm(form));

// A shared link (#f=...&veld=waarde) or a product card's #product=<id>.
function volgFragment() {
  const hash = window.location.hash.replace(/^#/, "");
  if (!hash) return null;
  // A fragment longer than the largest situation can be (content/invoer.yaml, omvang.json_tekens)
  // is no share link of this page: refused before it is parsed, so it cannot hold the page up.
  const grens = Number(ctx.data.fragment_tekens) || 100000;
  if (hash.length > grens) {
    meldTeLangeLink();
    return null;
  }
  const params = new URLSearchParams(hash);
  const vorm = vormen.find((v) => v.form === formulierVoor(vormen.map((x) => x.form), params));
  if (!vorm) return null;
  vanFragment(vorm.form, params);
  return vorm;
}

function meldTeLangeLink() {
  let el = document.querySelector("[data-rekenhulp-linkmelding]");
  if (!el) {
    el = document.createElement("p");
    el.className = "rh-linkmelding";
    el.dataset.rekenhulpLinkmelding = "";
    el.setAttribute("role", "alert");
    const eerste = vormen[0]?.form.closest(".rh-sectie") || vormen[0]?.form;
    if (eerste) eerste.before(el);
    else document.body.prepend(el);
  }
  el.textContent =
    "Deze link is te lang voor een berekening en is niet gebruikt. De rekenhulp begint met de gewone antwoorden.";
}

python.start();
const gekozen = volgFragment();
let vorigeFase = null;
// The form last edited: when python.js reloads the page into a new build, its answers go into the
// address first, so the reloaded page has them (the resident's page keeps them there anyway).
let gewijzigd = null;
document.addEventListener("input", (event) => {
  gewijzigd = vormen.find((v) => v.form.contains(event.target)) || gewijzigd;
});
python.opStatus((status) => {
  if (status.fase === "nieuw" && status.herladen && gewijzigd) {
    const url = new URL(window.location.href);
    url.hash = naarFragment(gewijzigd.form);
    history.replaceState(history.state, "", url);
  }
  const herstarted = vorigeFase === "herstart" || (vorigeFase === "traag" && vormen.some((v) => v.naHerstart));
  vorigeFase = status.fase;
  if (status.fase === "klaar") {
    // After a restart every form asks again (those with an open question get its answer).
    if (herstarted) for (const vorm of vormen) if (!vorm.bezig) vorm.plan(true);
    return;
  }
  for (const vorm of vormen) vorm.storing(status);
});
for (const vorm of vormen) vorm.plan(true);
if (gekozen && gekozen.plaats) inwoner.opentBijAntwoord(gekozen);
else if (gekozen && gekozen !== vormen[0]) gekozen.form.scrollIntoView();
// The normenkader page's "Vergelijk met een andere situatie" adds a form once it is opened.
initVergelijking({
  maakVorm: (form) => {
    const vorm = new Rekenvorm(form);
    vormen.push(vorm);
    vorm.plan(true);
    return vorm;
  },
});
window.addEventListener("hashchange", () => volgFragment()?.plan());
