// "Vergelijk met een andere situatie" on the normenkader page: a second situation form, computed
// by the same core as the first, and a table with both side by side and the difference per part
// and in total. The link to a comparison holds both situations in the URL fragment (#...&b=...),
// which the browser never sends to a server.
//
// Differences are exact: the core's decimal strings are subtracted as whole hundredths (BigInt),
// never as floats.

import { naarFragment, vanFragment } from "./formulier.js";
import { getal, html } from "./opmaak.js";

const SCHAAL = 100n;

function honderdsten(waarde) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(waarde ?? "0"));
  if (!m) return 0n;
  const n = BigInt(m[2]) * SCHAAL + BigInt((m[3] || "").padEnd(2, "0"));
  return m[1] ? -n : n;
}

function alsTekst(n) {
  const min = n < 0n;
  const a = min ? -n : n;
  const heel = a / SCHAAL;
  const rest = a % SCHAAL;
  const frac = rest === 0n ? "" : "." + String(rest).padStart(2, "0").replace(/0$/, "");
  return `${min ? "-" : ""}${heel}${frac}`;
}

export function verschil(a, b) {
  return alsTekst(honderdsten(b) - honderdsten(a));
}

function metTeken(tekst) {
  if (/^-/.test(tekst)) return "−" + getal(tekst.slice(1));
  return tekst === "0" ? "0" : "+" + getal(tekst);
}

// The parts of an answer by name; a refused situation has none.
function delen(u) {
  return new Map((u?.toegekend ? u.onderdelen || [] : []).map((d) => [d.onderdeel, d]));
}

function duur(d) {
  return d && d.tijdelijk ? `<span class="rh-looptijd">tijdelijk, ${html(getal(d.weken))} weken</span>` : "";
}

function cel(d) {
  return d ? `${html(getal(d.minuten_per_week))}${duur(d)}` : "—";
}

// The comparison table for two core answers (a: situation 1, b: situation 2).
export function vergelijkingHtml(a, b) {
  const da = delen(a);
  const db = delen(b);
  const namen = [...new Set([...da.keys(), ...db.keys()])];
  const rijen = namen
    .map((naam) => {
      const x = da.get(naam);
      const y = db.get(naam);
      const v = verschil(x?.minuten_per_week ?? "0", y?.minuten_per_week ?? "0");
      return (
        `<tr><th scope="row">${html((x || y).label)}</th><td class="rh-getal">${cel(x)}</td>` +
        `<td class="rh-getal">${cel(y)}</td><td class="rh-getal">${html(metTeken(v))}</td></tr>`
      );
    })
    .join("");
  const totaal = (label, sleutel, eenheid) => {
    const x = a?.toegekend ? a[sleutel] : "0";
    const y = b?.toegekend ? b[sleutel] : "0";
    return (
      `<tr><th scope="row">${html(label)}</th><td class="rh-getal">${html(getal(x))} ${eenheid}</td>` +
      `<td class="rh-getal">${html(getal(y))} ${eenheid}</td><td class="rh-getal">${html(metTeken(verschil(x, y)))} ${eenheid}</td></tr>`
    );
  };
  const status = (u) => (u?.toegekend ? "" : " (niet toegekend)");
  return (
    `<table class="rh-tabel rh-vergelijktabel"><caption>Minuten per week, situatie 1 en 2 naast elkaar</caption>` +
    `<thead><tr><th scope="col">Onderdeel</th><th scope="col">Situatie 1${status(a)}</th>` +
    `<th scope="col">Situatie 2${status(b)}</th><th scope="col">Verschil</th></tr></thead>` +
    `<tbody>${rijen || `<tr><td colspan="4">Geen onderdelen.</td></tr>`}</tbody>` +
    `<tfoot>` +
    totaal("Blijvend (structureel) per week", "structureel_minuten_per_week", "min") +
    totaal("Uren in het eerste jaar", "uren_eerste_jaar", "uur") +
    totaal("Uren per jaar daarna (structureel)", "structureel_uren_per_jaar", "uur") +
    `</tfoot></table>` +
    `<p class="rh-noot">Tijdelijke onderdelen tellen in het eerste jaar alleen mee voor hun eigen weken. ` +
    `Beide situaties rekent de rekenkern uit; het verschil is situatie 2 min situatie 1.</p>`
  );
}

// maakVorm(form): registers a form with the page's calculator and returns it once computed on input.
export function initVergelijking({ maakVorm }) {
  const blok = document.querySelector("[data-vergelijk]");
  if (!blok) return;
  const a = document.getElementById(blok.dataset.vergelijk);
  const sjabloon = blok.querySelector("template[data-vergelijk-sjabloon]");
  const plek = blok.querySelector("[data-vergelijk-plek]");
  const sectie = blok.querySelector("[data-vergelijking]");
  const inhoud = sectie.querySelector(".rh-inhoud");
  const knop = blok.querySelector("[data-actie='vergelijk']");
  const antwoorden = {};
  let b = null;

  function open(fragment) {
    if (!b) {
      plek.append(sjabloon.content.cloneNode(true));
      b = plek.querySelector("form[data-soort-later]");
      vanFragment(b, new URLSearchParams(fragment ?? naarFragment(a)));
      b.dataset.soort = b.dataset.soortLater;
      delete b.dataset.soortLater;
      maakVorm(b);
    } else if (fragment) {
      vanFragment(b, new URLSearchParams(fragment));
      b.dispatchEvent(new Event("input"));
    }
    sectie.hidden = false;
    knop.hidden = true;
  }

  function toon() {
    if (!b || !antwoorden[a.id] || !antwoorden[b.id]) return;
    inhoud.innerHTML = vergelijkingHtml(antwoorden[a.id], antwoorden[b.id]);
    sectie.dataset.status = "klaar";
  }

  knop.addEventListener("click", () => {
    open(null);
    b.querySelector("input, select")?.focus();
  });
  document.addEventListener("rekenhulp:resultaat", (event) => {
    const { formulier, uitkomst } = event.detail;
    if (formulier !== a.id && formulier !== b?.id) return;
    antwoorden[formulier] = uitkomst && !uitkomst.fouten ? uitkomst : null;
    toon();
  });
  sectie.querySelector("[data-actie='deel-vergelijking']").addEventListener("click", async () => {
    const url = new URL(window.location.href);
    url.hash = `${naarFragment(a)}&b=${encodeURIComponent(naarFragment(b))}`;
    history.replaceState(null, "", url);
    const veld = sectie.querySelector(".rh-deellink input");
    veld.value = url.href;
    veld.closest(".rh-deellink").hidden = false;
    try {
      await navigator.clipboard.writeText(url.href);
    } catch {
      // no clipboard permission: the link is in the address bar and in the field
    }
    sectie.querySelector(".rh-deelmelding").textContent =
      "De link naar deze vergelijking staat hieronder. Alleen wat u invulde staat erin; het gaat niet naar een server.";
    veld.select();
  });

  // A shared comparison: #f=<a>&...&b=<fragment of situation 2>. A link shared from
  // situation 2's own "Deel deze berekening" (#f=<id of situation 2>&...) opens the
  // comparison too, with that situation filled in.
  const bId = sjabloon.content.querySelector("form")?.id;
  const volg = () => {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    if (params.get("f") === a.id && params.has("b")) open(params.get("b"));
    else if (bId && params.get("f") === bId) open(params.toString());
  };
  volg();
  window.addEventListener("hashchange", volg);
}
