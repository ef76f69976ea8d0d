// The consultant's indication ready for the file (issue 17), on pages whose rh-data carries a
// "bonnetje" (the build's receipt: site version and the data bundle's SHA-256):
//   - the answer in view: on a phone a bar at the bottom ([data-balk-voor]) with the headline of
//     the answer while the answer itself is out of view, and a button that goes to it (on a
//     desktop the CSS keeps the answer column sticky beside the form);
//   - the receipt on the printout: site version, bundle SHA-256, peildatum, calculation date and a
//     link that reproduces the answer (its inputs with the answer's peildatum pinned);
//   - the dossier fields ([data-notitie]: motivation, dossiernummer), printed only. They have no
//     name, so formulier.js never puts them in the core's input or in a shared link.
// It listens to rekenhulp.js's "rekenhulp:resultaat" event and changes nothing rekenhulp.js draws
// except appending the receipt to the answer.

import { naarFragment } from "./formulier.js";
import { datum, html } from "./opmaak.js";

const data = JSON.parse(document.getElementById("rh-data")?.textContent || "{}");
const bon = data.bonnetje;

// The link that gives the same answer later: the form's inputs, with the peildatum the answer was
// computed on (an empty peildatum means "today", which would not reproduce).
export function reproductieLink(form, peildatum) {
  const params = new URLSearchParams(naarFragment(form));
  if (peildatum && !params.get("peildatum")) params.set("peildatum", peildatum);
  const url = new URL(window.location.href);
  url.hash = params.toString();
  return url.href;
}

function bonnetje(form, uitkomst) {
  const link = reproductieLink(form, uitkomst.peildatum);
  const rijen = [
    ["Versie van de site", `Wmo-productwijzer ${bon.site_versie} (gegevensbundel versie ${bon.bundel_versie})`],
    ["Gegevens (SHA-256 van de bundel)", bon.bundel_sha256],
    ["Regels en tarieven op (peildatum)", uitkomst.peildatum ? datum(uitkomst.peildatum) : ""],
    ["Berekend op", datum(new Date())],
    ["Opnieuw berekenen", link],
  ];
  return (
    `<div class="rh-print-bonnetje" data-bonnetje><p>Controle van deze berekening</p><dl>` +
    rijen
      .map(([k, w]) => `<dt>${html(k)}</dt><dd${k.startsWith("Gegevens") ? " data-sha256" : k.startsWith("Opnieuw") ? " data-link" : ""}>${html(w)}</dd>`)
      .join("") +
    `</dl><p>Open de link om dezelfde berekening te zien: de invoer staat erin, met dezelfde peildatum.</p></div>`
  );
}

function labelVan(el) {
  return document.querySelector(`label[for="${el.id}"]`)?.textContent.trim() || el.dataset.notitie;
}

// The dossier fields of form `form`, as the printout shows them (hidden fields left out).
function toonNotities(form) {
  const plek = document.querySelector(`[data-dossier-voor="${form.id}"]`);
  if (!plek) return;
  const rijen = [...form.querySelectorAll("[data-notitie]")]
    .filter((el) => !el.closest("[hidden]") && el.value.trim())
    .map((el) => `<dt>${html(labelVan(el))}</dt><dd>${html(el.value.trim())}</dd>`);
  plek.innerHTML = rijen.length ? `<p>Voor het dossier</p><dl>${rijen.join("")}</dl>` : "";
}

// --- the bar on a phone -----------------------------------------------------------------------

function initBalk(balk) {
  const uitkomst = document.querySelector(`[data-rekenhulp-resultaat="${balk.dataset.balkVoor}"]`);
  if (!uitkomst) return;
  let inBeeld = false;
  let heeftAntwoord = false;
  const werkBij = () => {
    balk.hidden = inBeeld || !heeftAntwoord;
    document.body.classList.toggle("rh-met-balk", !balk.hidden);
  };
  new IntersectionObserver((items) => {
    inBeeld = items.some((i) => i.isIntersecting);
    werkBij();
  }).observe(uitkomst);
  document.addEventListener("rekenhulp:resultaat", (event) => {
    if (event.detail.formulier !== balk.dataset.balkVoor) return;
    heeftAntwoord = true;
    const status = uitkomst.querySelector(".rh-status")?.textContent.trim() || "";
    balk.querySelector("[data-balk-tekst]").textContent = status.replace(/^Uitkomst:\s*/, "").replace(/\.$/, "");
    werkBij();
  });
  balk.querySelector("[data-actie='naar-uitkomst']").addEventListener("click", () => {
    const kop = uitkomst.querySelector(".rh-uitkomst-kop");
    uitkomst.scrollIntoView({ block: "start" });
    kop.tabIndex = -1;
    kop.focus({ preventScroll: true });
  });
}

// In an <iframe> (the embeddable copy) the frame grows with its content: a fixed bar would sit at
// the bottom of the frame, not of the screen, so it stays away.
if (window.self === window.top) for (const balk of document.querySelectorAll("[data-balk-voor]")) initBalk(balk);

if (bon) {
  document.addEventListener("rekenhulp:resultaat", (event) => {
    const { formulier, uitkomst } = event.detail;
    const form = document.getElementById(formulier);
    const sectie = document.querySelector(`[data-rekenhulp-resultaat="${formulier}"]`);
    if (!form || !sectie || uitkomst.fouten) return;
    sectie.querySelector(".rh-inhoud")?.insertAdjacentHTML("beforeend", bonnetje(form, uitkomst));
    toonNotities(form);
  });
  for (const form of document.querySelectorAll("form[data-soort]")) {
    form.addEventListener("input", (event) => {
      if (!event.target.closest("[data-notitie]")) return;
      toonNotities(form);
      // Notes live only in this page: a new build of the site is then announced, not loaded by
      // itself (python.js andereVersie), so a reload never throws them away unasked.
      const geschreven = [...form.querySelectorAll("[data-notitie]")].some((veld) => veld.value.trim());
      form.toggleAttribute("data-rekenhulp-niet-herladen", geschreven);
    });
  }
  // On paper the readings behind the toewijzing are shown open, like every "Waarom?".
  let dicht = [];
  window.addEventListener("beforeprint", () => {
    dicht = [...document.querySelectorAll("details[data-sleutel='toewijzing-aannames']:not([open])")];
    for (const d of dicht) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of dicht) d.open = false;
    dicht = [];
  });
}
