// The resident's page (/rekenhulp/pgb-budget/): what only a form with a place question has.
// - a field that suggests towns as she types, over the plain <select> that works without it;
// - "Uw antwoorden" under the answer, each with a "Wijzig" link there and back (GOV.UK check answers);
// - on a phone, a bar at the bottom with the answer in short while the answer is out of view;
// - the address keeps her answers (#f=advies&gemeente=hoorn&...), so a reload or a shared link opens
//   them, and no in-page link ever replaces that fragment;
// - "Wat nu?" with the latest dates, counted from the day she reported her need.

import { antwoorden, naarFragment } from "./formulier.js";
import { html } from "./opmaak.js";

const norm = (t) => String(t || "").trim().toLocaleLowerCase("nl").replace(/\s+/g, " ");

// {naam, regio} of the chosen place, or null.
export function plaatsVan(vorm) {
  const optie = vorm.plaats?.selectedOptions[0];
  if (!optie || !optie.value) return null;
  return { naam: optie.dataset.naam, regio: optie.dataset.regioNaam, tekst: optie.textContent.trim() };
}

export function init(vorm, plan) {
  suggesties(vorm);
  vorm.inhoud.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-wijzig]");
    if (!link) return;
    event.preventDefault(); // the address holds her answers, not an element id
    wijzig(vorm, link.dataset.wijzig);
  });
  balk(vorm);
  houdFragment();
  watNu();
}

// --- the place question -------------------------------------------------------------------

function suggesties(vorm) {
  const select = vorm.plaats;
  const veld = select.closest(".rh-veld");
  const label = veld.querySelector(`label[for="${select.id}"]`);
  const opties = [...select.options].filter((o) => o.value);
  const lijst = document.createElement("datalist");
  lijst.id = `${select.id}-lijst`;
  lijst.innerHTML = opties.map((o) => `<option value="${html(o.textContent.trim())}"></option>`).join("");
  const invoer = document.createElement("input");
  invoer.type = "text";
  invoer.id = `${select.id}-zoek`;
  invoer.className = "rh-plaats-zoek";
  invoer.setAttribute("list", lijst.id);
  invoer.setAttribute("autocomplete", "off");
  invoer.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
  invoer.placeholder = "Bijvoorbeeld Hoorn of Oudenbosch";
  // The label now names the typed field; the select stays the field the form reads (and links keep).
  select.dataset.vraag = label.textContent.trim();
  label.htmlFor = invoer.id;
  select.classList.add("rh-plaats-select");
  select.setAttribute("tabindex", "-1");
  select.setAttribute("aria-hidden", "true");
  select.after(invoer, lijst);
  const fout = veld.querySelector(".rh-fout");
  const vind = (tekst) => opties.find((o) => norm(o.textContent) === norm(tekst) || norm(o.dataset.naam) === norm(tekst));
  invoer.addEventListener("input", () => {
    const gevonden = vind(invoer.value);
    select.value = gevonden ? gevonden.value : "";
    if (gevonden) {
      fout.hidden = true;
      invoer.removeAttribute("aria-invalid");
    }
  });
  invoer.addEventListener("change", () => {
    const leeg = !invoer.value.trim();
    const gevonden = vind(invoer.value);
    fout.hidden = leeg || Boolean(gevonden);
    fout.textContent = fout.hidden
      ? ""
      : "Deze plaats kent de rekenhulp niet. Kies uw gemeente of dorp uit de lijst die verschijnt als u typt.";
    if (fout.hidden) invoer.removeAttribute("aria-invalid");
    else invoer.setAttribute("aria-invalid", "true");
  });
  vorm.plaatsZoek = invoer;
}

// A link or the back button set the select: the typed field shows the same place.
function synchroon(vorm) {
  const invoer = vorm.plaatsZoek;
  const optie = vorm.plaats.selectedOptions[0];
  if (!invoer || !optie?.value) return;
  if (norm(invoer.value) !== norm(optie.textContent) && norm(invoer.value) !== norm(optie.dataset.naam)) {
    invoer.value = optie.textContent.trim();
  }
}

// --- after every answer ---------------------------------------------------------------------

export function naAntwoord(vorm, w) {
  synchroon(vorm);
  if (w) {
    vorm.inhoud.insertAdjacentHTML("beforeend", terugblik(vorm));
    const url = new URL(window.location.href);
    url.hash = naarFragment(vorm.form);
    history.replaceState(history.state, "", url);
    if (vorm.naarAntwoord) {
      vorm.naarAntwoord = false;
      vorm.uitkomst.scrollIntoView({ block: "start" });
    }
  }
  vorm.balkTekst = w ? w.kort || w.samenvatting : "";
  vorm.werkBalkBij?.();
}

// A shared link: once its answer is there, the page opens at the answer.
export function opentBijAntwoord(vorm) {
  vorm.naarAntwoord = true;
}

function terugblik(vorm) {
  const rijen = antwoorden(vorm.form)
    .map(
      (a) =>
        `<div class="rh-antwoord"><dt>${html(a.label)}</dt><dd>${html(a.waarde)}</dd>` +
        (a.id
          ? `<dd class="rh-wijzig"><a href="#${html(a.id)}" data-wijzig="${html(a.id)}">Wijzig<span class="rh-onzichtbaar"> ${html(a.label.toLocaleLowerCase("nl"))}</span></a></dd>`
          : "") +
        `</div>`,
    )
    .join("");
  return `<div class="rh-terugblik"><h3 class="rh-terugblik-kop" id="${vorm.form.id}-antwoorden">Uw antwoorden</h3><dl>${rijen}</dl></div>`;
}

// To the question, and a button there that leads back to the answer.
function wijzig(vorm, id) {
  const doel = document.getElementById(id === vorm.plaats.id && vorm.plaatsZoek ? vorm.plaatsZoek.id : id);
  if (!doel) return;
  const vak = doel.closest(".rh-veld, fieldset");
  for (const oud of vorm.form.querySelectorAll(".rh-terug")) oud.remove();
  const terug = document.createElement("button");
  terug.type = "button";
  terug.className = "md-button rh-terug";
  terug.textContent = "Terug naar uw uitkomst";
  terug.addEventListener("click", () => {
    terug.remove();
    const kop = vorm.inhoud.querySelector(".rh-terugblik-kop") || vorm.uitkomst;
    vorm.uitkomst.scrollIntoView({ block: "start" });
    kop.setAttribute("tabindex", "-1");
    kop.focus({ preventScroll: true });
  });
  vak?.append(terug);
  vak?.scrollIntoView({ block: "center" });
  doel.focus({ preventScroll: true });
}

// --- the bar at the bottom of a phone's screen -------------------------------------------------

function balk(vorm) {
  const el = document.createElement("div");
  el.className = "rh-balk";
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", "Uw uitkomst in het kort");
  el.hidden = true;
  el.innerHTML = `<p class="rh-balk-tekst"></p><button type="button" class="md-button md-button--primary">Naar uw uitkomst</button>`;
  el.querySelector("button").addEventListener("click", () => {
    vorm.uitkomst.scrollIntoView({ block: "start" });
    const kop = vorm.uitkomst.querySelector(".rh-uitkomst-kop");
    kop.setAttribute("tabindex", "-1");
    kop.focus({ preventScroll: true });
  });
  document.body.append(el);
  let inBeeld = false;
  vorm.werkBalkBij = () => {
    el.querySelector(".rh-balk-tekst").textContent = vorm.balkTekst || "";
    el.hidden = inBeeld || !vorm.balkTekst;
    document.body.classList.toggle("rh-met-balk", !el.hidden);
  };
  new IntersectionObserver((items) => {
    inBeeld = items.some((i) => i.isIntersecting);
    vorm.werkBalkBij();
  }).observe(vorm.uitkomst);
}

// --- links inside the page ---------------------------------------------------------------------

// A heading's or the contents' link scrolls to its place without writing "#id" over her answers.
let gehouden = false;
function houdFragment() {
  if (gehouden) return;
  gehouden = true;
  document.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented || link.dataset.wijzig || link.dataset.naar) return;
    if (!window.location.hash.includes("=")) return; // no answers in the address: nothing to keep
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    const doel = id && document.getElementById(id);
    if (!doel) return;
    event.preventDefault();
    doel.scrollIntoView();
    if (!doel.matches("a, button, input, select, textarea, [tabindex]")) doel.setAttribute("tabindex", "-1");
    doel.focus({ preventScroll: true });
  });
}

// --- "Wat nu?" with her dates ------------------------------------------------------------------

const MAANDEN = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];

function plus(dag, dagen) {
  const d = new Date(Date.UTC(dag.getUTCFullYear(), dag.getUTCMonth(), dag.getUTCDate() + dagen));
  return d;
}

function datumTekst(d) {
  return `${d.getUTCDate()} ${MAANDEN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// The page lists the steps with their periods (data-termijn-dagen, data-termijn-na: from content);
// a date typed here gives each step its latest day, counted from the step it follows.
function watNu() {
  const veld = document.getElementById("melding-datum");
  const uit = document.getElementById("wat-nu-data");
  if (!veld || !uit) return;
  const stappen = [...document.querySelectorAll("[data-termijn-dagen]")];
  const reken = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(veld.value);
    if (!m) {
      uit.hidden = true;
      uit.innerHTML = "";
      return;
    }
    const dagen = { melding: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) };
    const regels = [`<li>U meldde uw hulpvraag op <strong>${datumTekst(dagen.melding)}</strong>.</li>`];
    for (const stap of stappen) {
      const van = dagen[stap.dataset.termijnNa];
      if (!van) continue;
      const tot = plus(van, Number(stap.dataset.termijnDagen));
      dagen[stap.dataset.termijn] = tot;
      regels.push(`<li>${html(stap.dataset.termijnTekst)}: uiterlijk <strong>${datumTekst(tot)}</strong>.</li>`);
    }
    uit.innerHTML = `<p>Uw data, als elke stap zo laat mogelijk komt:</p><ul>${regels.join("")}</ul>`;
    uit.hidden = false;
  };
  veld.addEventListener("input", reken);
  veld.addEventListener("change", reken);
  reken();
}
