// The herindicatie page: a caseload CSV re-indicated by the batch in the worker (python.js,
// worker.mjs). The file is read on this device and never sent; rows arrive in chunks and are
// kept as short arrays, and the table shows one page of them at a time, so 100,000 rows stay
// light. For tests the root carries data-status ("leeg", "bezig", "klaar", "gestopt", "fout")
// and data-rijen (rows received).

import * as python from "./python.js";

const PER_PAGINA = 100;
const root = document.querySelector("[data-herindicatie]");
const form = root.querySelector("[data-herindicatie-formulier]");
const bestandVeld = form.querySelector("#her-bestand");
const peilVeld = form.querySelector("#her-peildatum");
const bestandMelding = form.querySelector("[data-bestand-melding]");
const stopKnop = form.querySelector("[data-actie='stop']");
const voortgang = root.querySelector("[data-voortgang]");
const balk = voortgang.querySelector("progress");
const voortgangTekst = voortgang.querySelector("[data-voortgang-tekst]");
const samenvattingSectie = root.querySelector("[data-samenvatting]");
const rijenSectie = root.querySelector("[data-rijen]");
const basis = document.querySelector('meta[name="rekenhulp-basis"]')?.content || "../..";

let rijen = [];
let pagina = 0;
let tekenen = false;
let eersteVanRun = true;
let getekend = ""; // the page of rows in the table ("page:rows"), redrawn only when it changes
let bestandsnaam = "herindicatie";

const esc = (t) => String(t).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const nl = (t) => (t === "" || t == null ? "" : String(t).replace(".", ","));
const getal = (n) => Number(n).toLocaleString("nl-NL");

function vandaag() {
  const d = new Date();
  const twee = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${twee(d.getMonth() + 1)}-${twee(d.getDate())}`;
}
const uitUrl = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("peildatum");
peilVeld.value = uitUrl || vandaag();
root.dataset.status = "leeg";

function status(s) {
  root.dataset.status = s;
}

function planTekenen() {
  if (tekenen) return;
  tekenen = true;
  requestAnimationFrame(() => {
    tekenen = false;
    tekenRijen();
  });
}

function tekenRijen() {
  rijenSectie.hidden = rijen.length === 0;
  if (eersteVanRun && rijen.length) {
    eersteVanRun = false;
    performance.mark("herindicatie:eerste-rijen"); // the first rows are in the table now
  }
  const paginas = Math.max(1, Math.ceil(rijen.length / PER_PAGINA));
  pagina = Math.min(pagina, paginas - 1);
  const stuk = rijen.slice(pagina * PER_PAGINA, (pagina + 1) * PER_PAGINA);
  const bijschrift = `Rij ${getal(pagina * PER_PAGINA + 1)} tot en met ${getal(pagina * PER_PAGINA + stuk.length)} van ${getal(rijen.length)}`;
  const inhoud = rijenSectie.querySelector("[data-rijen-inhoud]");
  // While a run goes on, rows arrive behind the page shown: only the caption and the page
  // buttons change then, so the main thread stays free and focus stays where it is.
  const sleutel = `${pagina}:${stuk.length}`;
  if (sleutel === getekend) {
    inhoud.querySelector("caption").textContent = bijschrift;
  } else {
    getekend = sleutel;
    const regels = stuk.map(([nr, id, toegekend, uren, eersteJaar, verschil, fout, fragment, perioden]) => {
      if (fout) return `<tr><th scope="row">${esc(nr)}</th><td>${esc(id)}</td><td colspan="4" class="rh-fout">${esc(fout)}</td></tr>`;
      const link = `${basis}/rekenhulp/normenkader/#${fragment}&peildatum=${encodeURIComponent(peilVeld.value)}`;
      const nieuw = toegekend === "true" ? `${nl(uren)} uur per jaar${eersteJaar !== uren ? ` (eerste jaar ${nl(eersteJaar)})` : ""}` : "geen huishoudelijke hulp";
      const periodes = toegekend === "true" ? perioden || "alle weken gelijk" : "";
      return `<tr><th scope="row">${esc(nr)}</th><td>${esc(id)}</td><td>${esc(nieuw)}</td><td class="rh-getal">${verschil === "" ? "" : esc((Number(verschil) > 0 ? "+" : "") + nl(verschil))}</td><td>${esc(periodes)}</td><td><a href="${esc(link)}">Open rij ${esc(nr)} in de rekenhulp</a></td></tr>`;
    });
    // A region that scrolls sideways on a phone; focusable, so a keyboard can scroll it too.
    inhoud.innerHTML =
      `<div class="rh-tabel-scroll" tabindex="0" role="region" aria-labelledby="her-rijen-kop">` +
      `<table><caption>${bijschrift}</caption>` +
      `<thead><tr><th scope="col">Rij</th><th scope="col">Id</th><th scope="col">Normenkader</th><th scope="col">Verschil (uren per jaar)</th><th scope="col">Perioden</th><th scope="col">Bekijken</th></tr></thead><tbody>${regels.join("")}</tbody></table></div>`;
  }
  const nav = rijenSectie.querySelector("[data-paginas]");
  nav.hidden = paginas < 2;
  if (!nav.firstElementChild) {
    nav.innerHTML =
      `<button type="button" class="md-button" data-pagina="vorige">Vorige ${PER_PAGINA}</button> ` +
      `<span data-pagina-tekst></span> ` +
      `<button type="button" class="md-button" data-pagina="volgende">Volgende ${PER_PAGINA}</button>`;
  }
  const [vorige, volgende] = nav.querySelectorAll("button");
  vorige.disabled = pagina === 0;
  volgende.disabled = pagina >= paginas - 1;
  nav.querySelector("[data-pagina-tekst]").textContent = `Pagina ${pagina + 1} van ${paginas}`;
}

rijenSectie.addEventListener("click", (event) => {
  const knop = event.target.closest("[data-pagina]");
  if (!knop) return;
  pagina += knop.dataset.pagina === "vorige" ? -1 : 1;
  pagina = Math.max(0, pagina);
  tekenRijen();
});

function tijdOver(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} seconden` : `${Math.round(s / 60)} minuten`;
}

function grafiek(banden) {
  const max = Math.max(1, ...banden.map((b) => b.rijen));
  const breed = 320;
  const hoog = 26;
  const balken = banden
    .map((b, i) => {
      const w = Math.round((b.rijen / max) * (breed - 150));
      return `<text x="0" y="${i * hoog + 17}">${esc(b.band)}</text>` +
        `<rect x="150" y="${i * hoog + 4}" width="${w}" height="18" class="rh-balk"></rect>` +
        `<text x="${154 + w}" y="${i * hoog + 17}">${getal(b.rijen)}</text>`;
    })
    .join("");
  const tekst = banden.map((b) => `${b.band}: ${b.rijen}`).join("; ");
  return `<figure class="rh-grafiek"><svg viewBox="0 0 ${breed + 60} ${banden.length * hoog}" role="img" aria-label="Cliënten per verschil: ${esc(tekst)}">${balken}</svg>` +
    `<figcaption>Cliënten met een huidige indicatie, naar het verschil met het normenkader.</figcaption></figure>`;
}

function toonSamenvatting(s) {
  const verschil = Number(s.verschil);
  const banden = s.banden.map((b) => `<tr><th scope="row">${esc(b.band)}</th><td>${getal(b.rijen)}</td></tr>`).join("");
  const vaakst = (lijst) => (lijst.length ? `<ul>${lijst.map((x) => `<li>${esc(x.onderdeel)}: ${getal(x.rijen)} cliënten</li>`).join("")}</ul>` : "<p>Geen.</p>");
  samenvattingSectie.querySelector("[data-samenvatting-inhoud]").innerHTML =
    `<dl class="rh-kerngetallen">` +
    `<dt>Rijen gelezen</dt><dd>${getal(s.gelezen)}</dd><dt>Berekend</dt><dd>${getal(s.berekend)}</dd><dt>Met een fout</dt><dd>${getal(s.mislukt)}</dd>` +
    `<dt>Met een huidige indicatie</dt><dd>${getal(s.vergeleken)}</dd>` +
    `<dt>Uren per jaar nu</dt><dd>${getal(s.uren_nu)}</dd><dt>Uren per jaar volgens het normenkader</dt><dd>${getal(s.uren_normenkader)}</dd>` +
    `<dt>Verschil</dt><dd>${verschil > 0 ? "+" : ""}${getal(verschil)} uur per jaar</dd></dl>` +
    (s.vergeleken ? grafiek(s.banden) : "<p>Het bestand heeft geen kolom met de huidige indicatie; er is geen verschil te berekenen.</p>") +
    `<table><caption>Cliënten per verschil (aantal)</caption><thead><tr><th scope="col">Verschil met het normenkader</th><th scope="col">Cliënten</th></tr></thead><tbody>${banden}</tbody></table>` +
    `<h3>Wat het vaakst in de situatie staat bij minder uren</h3>${vaakst(s.vaakst_bij_minder)}` +
    `<h3>Wat het vaakst in de situatie staat bij meer uren</h3>${vaakst(s.vaakst_bij_meer)}`;
  samenvattingSectie.querySelector("[data-bonnetje]").textContent =
    `Berekend met het normenkader van bron 002, peildatum ${s.peildatum}; gegevensversie ${s.bundel_versie}, SHA-256 van de gegevens ${s.bundel_sha256}.`;
  samenvattingSectie.hidden = false;
}

let bezig = false;

// After the first finished run, as the other rekenhulp pages do after their first answer:
// the site search may load, and offline.js stores the rekenhulp on this device.
function eersteUitkomst() {
  if (performance.getEntriesByName("rekenhulp:eerste-resultaat").length) return;
  performance.mark("rekenhulp:eerste-resultaat");
  window.__rekenhulp?.zoekenMag?.();
  document.dispatchEvent(new CustomEvent("rekenhulp:resultaat", { detail: { formulier: "herindicatie", eerste: true } }));
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const bestand = bestandVeld.files?.[0];
  if (bezig) return;
  bestandMelding.hidden = !!bestand;
  if (!bestand) {
    bestandMelding.textContent = "Kies bij CSV-bestand met de caseload eerst een bestand.";
    bestandVeld.focus();
    return;
  }
  bezig = true;
  // From now on a new build of the site is announced, not loaded by itself: a reload would
  // lose this run (python.js andereVersie).
  root.dataset.rekenhulpNietHerladen = "";
  bestandsnaam = bestand.name.replace(/\.[^.]*$/, "") || "herindicatie";
  rijen = [];
  eersteVanRun = true;
  getekend = "";
  pagina = 0;
  samenvattingSectie.hidden = true;
  voortgang.hidden = false;
  stopKnop.hidden = false;
  balk.value = 0;
  voortgangTekst.textContent = "Het bestand wordt gelezen…";
  status("bezig");
  root.dataset.rijen = "0";
  performance.mark("herindicatie:start"); // for the benchmark (bench/herindicatie.py)
  const t0 = performance.now();
  const bytes = await bestand.arrayBuffer();
  try {
    const klaar = await python.herindiceer(bytes, peilVeld.value, (b) => {
      if (b.type !== "rijen") return;
      for (const rij of JSON.parse(b.json)) rijen.push(rij);
      root.dataset.rijen = String(rijen.length);
      const totaal = Math.max(b.totaal, rijen.length);
      balk.max = totaal;
      balk.value = rijen.length;
      const ms = performance.now() - t0;
      voortgangTekst.textContent = `${getal(rijen.length)} van ongeveer ${getal(totaal)} rijen berekend; nog ongeveer ${tijdOver((ms / rijen.length) * (totaal - rijen.length))}.`;
      planTekenen();
    });
    if (klaar.fout) throw new Error(klaar.fout);
    const uitkomst = JSON.parse(klaar.json);
    if (uitkomst.fouten) {
      // The file as a whole cannot be read: the batch's own Dutch messages, one per line.
      voortgangTekst.innerHTML = `Het bestand kon niet worden gelezen:<ul>${uitkomst.fouten.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>`;
      status("fout");
      return;
    }
    toonSamenvatting(uitkomst);
    balk.value = balk.max;
    voortgangTekst.textContent = `Klaar: ${getal(rijen.length)} rijen in ${tijdOver(performance.now() - t0)}.`;
    tekenRijen();
    performance.mark("herindicatie:klaar");
    status("klaar");
    eersteUitkomst();
  } catch (error) {
    if (root.dataset.status === "gestopt") return;
    voortgangTekst.textContent = `Het bestand kon niet worden berekend: ${error.message}`;
    status("fout");
  } finally {
    bezig = false;
    stopKnop.hidden = true;
  }
});

// A file dropped on the page is chosen and computed at once (the field then names it).
root.addEventListener("dragover", (event) => {
  if (!event.dataTransfer?.types?.includes("Files")) return;
  event.preventDefault();
  form.classList.add("rh-slepen");
});
root.addEventListener("dragleave", () => form.classList.remove("rh-slepen"));
root.addEventListener("drop", (event) => {
  form.classList.remove("rh-slepen");
  if (!event.dataTransfer?.files?.length) return;
  event.preventDefault();
  bestandVeld.files = event.dataTransfer.files;
  form.requestSubmit();
});

stopKnop.addEventListener("click", () => {
  status("gestopt");
  python.opnieuw(); // ends the worker mid-file; a fresh one starts for the next run
  python.voorbereiden();
  voortgangTekst.textContent = `Gestopt na ${getal(rijen.length)} rijen. Er is niets bewaard.`;
  bezig = false;
  stopKnop.hidden = true;
});

async function download(soort) {
  const bytes = await python.bestand(soort);
  const type = soort === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${bestandsnaam}-herindicatie.${soort}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

samenvattingSectie.addEventListener("click", (event) => {
  const actie = event.target.closest("[data-actie]")?.dataset.actie;
  if (actie === "csv" || actie === "xlsx") {
    download(actie).catch((error) => {
      voortgangTekst.textContent = `Het bestand kon niet worden gemaakt: ${error.message}`;
    });
  }
  if (actie === "print") window.print();
});
python.start();
python.voorbereiden();
