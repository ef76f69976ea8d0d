// Results as HTML, per kind of calculation. Every figure is the core's; this module only
// lays it out (Dutch notation, links to product cards and sources, the "Waarom?" trace).
// Each renderer returns {html, samenvatting}: the short summary goes to the live region.

import { datum, euro, getal, html, metEenheid } from "./opmaak.js";

// ctx: {basis: site root relative to this page, data: the page's rh-data JSON}
function siteUrl(ctx, pad) {
  return `${ctx.basis.replace(/\/$/, "")}/${String(pad).replace(/^\//, "")}`;
}

// The section of the sources page a {document, sectie} cites: the longest declared section its
// sectie starts with (the bundle lists them per document), else the document.
export function bronUrl(doc, bron) {
  if (!doc) return `bronnen/#bron-${bron.document}`;
  const sectie = String(bron.sectie || "").toLowerCase();
  let beste = null;
  for (const [naam, url] of Object.entries(doc.secties || {})) {
    if (sectie.startsWith(naam.toLowerCase()) && (!beste || naam.length > beste[0].length)) beste = [naam, url];
  }
  return beste ? beste[1] : doc.url;
}

function bronLink(ctx, bron) {
  if (!bron) return "";
  const doc = ctx.data.bronnen?.[bron.document];
  const url = bronUrl(doc, bron);
  const titel = doc ? ` title="${html(doc.titel)}"` : "";
  return `<a class="rh-bron" href="${html(siteUrl(ctx, url))}"${titel}>bron ${html(bron.document)}${bron.sectie ? ", " + html(bron.sectie) : ""}</a>`;
}

function productLink(ctx, id, naam) {
  const p = ctx.data.producten?.[id];
  const tekst = html(naam || p?.naam || id);
  return p ? `<a href="${html(siteUrl(ctx, p.url))}">${tekst}</a>` : tekst;
}

// The "Waarom?" trace. `sleutel` keeps a reader's open/closed choice across updates.
// A step's `regel` (the rule's name in the core) is for developers and stays out of sight:
// a person reads the step, its figure and its source.
function stappenlijst(ctx, stappen) {
  const items = stappen
    .map(
      (s) =>
        `<li><span class="rh-stap">${html(s.stap)}</span>` +
        (s.waarde !== "" ? `: <strong class="rh-stapwaarde">${html(metEenheid(s.waarde, s.eenheid))}</strong>` : "") +
        (s.bron ? ` <span class="rh-stapbron">(${bronLink(ctx, s.bron)})</span>` : "") +
        "</li>",
    )
    .join("");
  return `<ol>${items}</ol>`;
}

function waarom(ctx, stappen, sleutel, titel = "Waarom? Zo is het berekend") {
  if (!stappen || !stappen.length) return "";
  return (
    `<details class="rh-waarom" data-sleutel="${html(sleutel)}"><summary>${html(titel)} (${stappen.length} ${stappen.length === 1 ? "stap" : "stappen"})</summary>` +
    `${stappenlijst(ctx, stappen)}</details>`
  );
}

// One "Waarom?" with a titled list per part.
function waaromInDelen(ctx, delen, sleutel) {
  const inhoud = delen
    .filter((d) => d.stappen.length)
    .map((d) => `<p class="rh-waarom-deel">${html(d.titel)}</p>${stappenlijst(ctx, d.stappen)}`)
    .join("");
  return inhoud
    ? `<details class="rh-waarom" data-sleutel="${html(sleutel)}"><summary>Waarom? Zo is het berekend</summary>${inhoud}</details>`
    : "";
}

function bronnenVan(stappen) {
  const docs = new Set();
  for (const s of stappen || []) if (s.bron) docs.add(s.bron.document);
  return [...docs].sort();
}

// Printed only: when, on which peildatum, from which sources.
function printVoet(ctx, uitkomst, stappen) {
  const bronnen = bronnenVan(stappen)
    .map((d) => {
      const doc = ctx.data.bronnen?.[d];
      return `<li>bron ${html(d)}${doc ? ": " + html(doc.titel) : ""}</li>`;
    })
    .join("");
  return (
    `<div class="rh-print-voet">` +
    `<p>Berekend op ${html(datum(new Date()))} met de rekenhulp van de Wmo-productwijzer` +
    (uitkomst.peildatum ? `, met de regels en tarieven die gelden op ${html(datum(uitkomst.peildatum))}` : "") +
    `. Dit is een indicatie; de gemeente beslist.</p>` +
    (bronnen ? `<p>Bronnen:</p><ul>${bronnen}</ul>` : "") +
    `</div>`
  );
}

function lijst(items) {
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "";
}

// --- per soort ------------------------------------------------------------------------------

// The regimes in the order the page lists them (ctx.data.uitvoeringen), then any others.
function inVolgorde(ctx, budgetten) {
  const namen = Object.keys(ctx.data.uitvoeringen || {});
  const sleutels = Object.keys(budgetten || {});
  return [...namen.filter((k) => sleutels.includes(k)), ...sleutels.filter((k) => !namen.includes(k))];
}

function advies(ctx, u) {
  // A region whose sources name no HO products: say so, show no product and no amount (never € 0,00).
  if (!(u.producten || []).length) {
    const melding = (u.opmerkingen || [])[0] || "";
    return {
      html:
        `<p class="rh-kern">${html(melding)}</p>` +
        `<div class="rh-opmerkingen">${lijst((u.opmerkingen || []).slice(1).map(html))}</div>` +
        printVoet(ctx, u, u.toelichting || []),
      samenvatting: melding.replace(/\.$/, ""),
    };
  }
  const producten = (u.producten || [])
    .map((p) => `<li>${productLink(ctx, p.id, p.naam)}: ${html(getal(p.uren_per_jaar))} uur per jaar</li>`)
    .join("");
  const namen = ctx.data.uitvoeringen || {};
  const volgorde = inVolgorde(ctx, u.budgetten);
  const rijen = volgorde
    .map((uitvoering) => {
      const b = u.budgetten[uitvoering];
      const ontbreekt = (b.ontbreekt || []).map((o) => html(o.melding)).join(" ");
      return (
        `<tr><th scope="row">${html(namen[uitvoering] || uitvoering)}</th>` +
        `<td class="rh-bedrag">${html(euro(b.per_maand))}</td><td class="rh-bedrag">${html(euro(b.per_jaar))}</td></tr>` +
        (ontbreekt ? `<tr><td colspan="3" class="rh-ontbreekt">${ontbreekt}</td></tr>` : "")
      );
    })
    .join("");
  // One "Waarom?": first why this product, then how each amount follows.
  const delen = [{ titel: "Welk product en hoeveel uur", stappen: u.toelichting || [] }].concat(
    volgorde.map((k) => ({ titel: `Bedrag: ${namen[k] || k}`, stappen: u.budgetten[k].toelichting || [] })),
  );
  const alleStappen = delen.flatMap((d) => d.stappen);
  const eerste = (u.producten || [])[0];
  const hoofd = u.budgetten?.["sociaal-netwerk"];
  return {
    html:
      `<p class="rh-kern">Dit past bij uw situatie:</p><ul class="rh-producten">${producten}</ul>` +
      `<p>Samen <strong>${html(getal(u.uren_per_jaar))} uur per jaar</strong>.</p>` +
      `<table class="rh-tabel"><caption>Hoogste PGB-budget per manier van regelen</caption>` +
      `<thead><tr><th scope="col">Wie helpt u?</th><th scope="col">Per maand</th><th scope="col">Per jaar</th></tr></thead>` +
      `<tbody>${rijen}</tbody></table>` +
      `<div class="rh-opmerkingen">${lijst((u.opmerkingen || []).map(html))}</div>` +
      waaromInDelen(ctx, delen, "advies") +
      printVoet(ctx, u, alleStappen),
    samenvatting:
      `${eerste ? eerste.naam + ", " : ""}${getal(u.uren_per_jaar)} uur per jaar` +
      (hoofd ? `; sociaal netwerk ${euro(hoofd.per_maand)} per maand` : ""),
  };
}

function ho(ctx, u) {
  const kaarten = ctx.data.onderdeel_producten || {};
  if (!u.toegekend) {
    return {
      html:
        `<p class="rh-kern"><strong>Geen huishoudelijke ondersteuning</strong> volgens het normenkader:</p>` +
        lijst((u.redenen_niet_toegekend || []).map(html)) +
        lijst((u.maatwerk || []).map((m) => `${html(m.melding)} (${bronLink(ctx, m.bron)})`)) +
        waarom(ctx, u.toelichting, "ho") +
        printVoet(ctx, u, u.toelichting),
      samenvatting: "Niet toegekend: " + (u.redenen_niet_toegekend || []).join(" "),
    };
  }
  const rijen = (u.onderdelen || [])
    .map((d) => {
      const kaart = kaarten[d.onderdeel];
      return (
        `<tr><th scope="row">${html(d.label)}${kaart ? ` <span class="rh-kaart">(${productLink(ctx, kaart)})</span>` : ""}</th>` +
        `<td class="rh-getal">${html(getal(d.minuten_per_week))}</td>` +
        `<td class="rh-getal">${html(getal(d.uren_per_jaar))}${d.afgeleid ? "*" : ""}</td>` +
        `<td>${bronLink(ctx, d.bron)}</td></tr>`
      );
    })
    .join("");
  const afgeleid = (u.onderdelen || []).some((d) => d.afgeleid);
  const maatwerk = (u.maatwerk || []).map((m) => `${html(m.melding)} (${bronLink(ctx, m.bron)})`);
  return {
    html:
      `<p class="rh-kern">Indicatie: <strong>${html(getal(u.minuten_per_week))} minuten per week</strong>, ` +
      `dat is <strong>${html(getal(u.uren_per_jaar))} uur per jaar</strong>` +
      (u.uren_per_jaar_onafgerond && u.uren_per_jaar_onafgerond !== u.uren_per_jaar
        ? ` (onafgerond ${html(getal(u.uren_per_jaar_onafgerond))})`
        : "") +
      `.</p>` +
      `<table class="rh-tabel"><caption>Onderdelen van de indicatie</caption>` +
      `<thead><tr><th scope="col">Onderdeel</th><th scope="col">Minuten per week</th><th scope="col">Uren per jaar</th><th scope="col">Bron</th></tr></thead>` +
      `<tbody>${rijen}</tbody>` +
      `<tfoot><tr><th scope="row">Totaal</th><td class="rh-getal">${html(getal(u.minuten_per_week))}</td><td class="rh-getal">${html(getal(u.uren_per_jaar))}</td><td></td></tr></tfoot></table>` +
      (afgeleid ? `<p class="rh-noot">* Uren per jaar uit de HHM-tabel (bron 003, Bijlage 11), niet omgerekend uit minuten.</p>` : "") +
      (maatwerk.length ? `<h3>Maatwerk: dit weegt de consulent</h3>${lijst(maatwerk)}` : "") +
      waarom(ctx, u.toelichting, "ho") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: `${getal(u.minuten_per_week)} minuten per week, ${getal(u.uren_per_jaar)} uur per jaar`,
  };
}

function pgb(ctx, u) {
  const rijen = (u.regels || [])
    .map((r) => {
      const extra = [];
      if (r.uren_per_jaar && r.uurtarief) extra.push(`${getal(r.uren_per_jaar)} uur per jaar × ${euro(r.uurtarief)} per uur / 12`);
      if (r.etmalen && r.per_etmaal) extra.push(`${getal(r.etmalen)} etmalen × ${euro(r.per_etmaal)}`);
      return (
        `<tr><th scope="row">${productLink(ctx, r.product, r.label)}${extra.length ? `<br><span class="rh-noot">${html(extra.join("; "))}</span>` : ""}</th>` +
        `<td class="rh-bedrag">${html(euro(r.per_maand))}</td><td class="rh-bedrag">${html(euro(r.per_jaar))}</td>` +
        `<td>${bronLink(ctx, r.bron)}</td></tr>`
      );
    })
    .join("");
  const ontbreekt = (u.ontbreekt || []).map((o) => `${html(o.melding)} (${bronLink(ctx, o.bron)})`);
  const heeftBedrag = (u.regels || []).length > 0;
  return {
    html:
      (heeftBedrag
        ? `<p class="rh-kern">Hoogste budget: <strong>${html(euro(u.per_maand))} per maand</strong>, <strong>${html(euro(u.per_jaar))} per jaar</strong>.</p>` +
          `<table class="rh-tabel"><caption>Opbouw van het budget</caption>` +
          `<thead><tr><th scope="col">Product</th><th scope="col">Per maand</th><th scope="col">Per jaar</th><th scope="col">Bron</th></tr></thead>` +
          `<tbody>${rijen}</tbody></table>`
        : `<p class="rh-kern">Voor deze keuze staat geen bedrag in de bronnen.</p>`) +
      (ontbreekt.length ? `<p>Geen bedrag:</p>${lijst(ontbreekt)}` : "") +
      (u.beslissing ? `<p class="rh-beslissing">${html(u.beslissing)}</p>` : "") +
      waarom(ctx, u.toelichting, "pgb") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: heeftBedrag ? `${euro(u.per_maand)} per maand, ${euro(u.per_jaar)} per jaar` : "geen bedrag in de bronnen",
  };
}

function hulpmiddel(ctx, u) {
  return {
    html:
      `<p class="rh-kern">${html(u.omschrijving)} (categorie ${html(u.categorie)})</p>` +
      `<table class="rh-tabel"><tbody>` +
      `<tr><th scope="row">Huur per maand</th><td class="rh-bedrag">${html(euro(u.huur_per_maand))}</td></tr>` +
      `<tr><th scope="row">Maximaal PGB</th><td class="rh-bedrag">${u.maximum_pgb ? html(euro(u.maximum_pgb)) : "niet in de bron"}</td></tr>` +
      (u.maanden ? `<tr><th scope="row">Afschrijving</th><td class="rh-getal">${html(getal(u.maanden))} maanden</td></tr>` : "") +
      `</tbody></table>` +
      waarom(ctx, u.toelichting, "hulpmiddel") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: `huur ${euro(u.huur_per_maand)} per maand` + (u.maximum_pgb ? `, maximaal ${euro(u.maximum_pgb)}` : ""),
  };
}

function hht(ctx, u) {
  return {
    html:
      `<p class="rh-kern">Huishoudelijke hulp toelage: <strong>${html(getal(u.uren_per_jaar))} uur per jaar</strong> (${bronLink(ctx, u.bron)}).</p>` +
      waarom(ctx, u.toelichting, "hht") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: `${getal(u.uren_per_jaar)} uur per jaar`,
  };
}

function beschermdThuis(ctx, u) {
  const product = u.product || {};
  return {
    html:
      `<p class="rh-kern">${productLink(ctx, product.id, product.naam)}: <strong>${html(getal(u.uren_per_week))} uur begeleiding per week</strong>.</p>` +
      `<p>Tarief: ${u.tarief ? html(metEenheid(u.tarief, u.tarief_eenheid || "euro")) : "staat niet in de bron"}.</p>` +
      waarom(ctx, u.toelichting, "beschermd_thuis") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: `${getal(u.uren_per_week)} uur per week`,
  };
}

const RENDERERS = { advies, ho, pgb, hulpmiddel, hht, beschermd_thuis: beschermdThuis };

export function weergave(ctx, soort, uitkomst) {
  const fn = RENDERERS[soort];
  if (!fn) return { html: `<pre>${html(JSON.stringify(uitkomst, null, 1))}</pre>`, samenvatting: "" };
  return fn(ctx, uitkomst);
}

export function foutenlijst(fouten) {
  return (
    `<div class="rh-foutsamenvatting"><p><strong>Controleer uw antwoorden.</strong></p>` +
    lijst(fouten.map((f) => html(f.melding))) +
    `</div>`
  );
}
