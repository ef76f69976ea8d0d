// Results as HTML, per kind of calculation. Every figure is the core's; this module only
// lays it out (Dutch notation, links to product cards and sources, the "Waarom?" trace).
// Each renderer returns {html, samenvatting}: the short summary goes to the live region.

import { datum, euro, getal, html, metEenheid } from "./opmaak.js";

// ctx: {basis: site root relative to this page, data: the page's rh-data JSON}
function siteUrl(ctx, pad) {
  return `${ctx.basis.replace(/\/$/, "")}/${String(pad).replace(/^\//, "")}`;
}

// The section of the sources page a {document, sectie} cites: the longest declared section its
// sectie starts with (the bundle lists them per document), else the document. A bron that names
// its lines (tekstregels) goes to their quotation under that section (catalogue.bronverwijzing).
export function bronUrl(doc, bron) {
  if (!doc) return `bronnen/#bron-${bron.document}`;
  const sectie = String(bron.sectie || "").toLowerCase();
  let beste = null;
  for (const [naam, url] of Object.entries(doc.secties || {})) {
    if (sectie.startsWith(naam.toLowerCase()) && (!beste || naam.length > beste[0].length)) beste = [naam, url];
  }
  if (beste && bron.tekstregels) return `${beste[1]}-regels-${bron.tekstregels}`;
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

function regioNaam(ctx, id) {
  const gevonden = (ctx.data.regios || []).find(([k]) => k === id);
  return gevonden ? gevonden[1] : id;
}

// What the resident pays (the CAK's abonnementstarief), or why nothing is computed, with its conditions.
// "hoogstens" only while the answers leave open whether the household pays (then who pays nothing).
function eigenBijdrage(ctx, eb) {
  if (!eb) return "";
  if (!eb.van_toepassing || eb.per_maand === null || eb.per_maand === undefined) {
    return `<div class="rh-eigen-bijdrage"><p><strong>Eigen bijdrage:</strong> ${html(eb.opmerking || "")} <span class="rh-stapbron">(${bronLink(ctx, eb.bron)})</span></p></div>`;
  }
  const voorwaarden = (eb.voorwaarden || []).map((v) => `${html(v.tekst)} <span class="rh-stapbron">(${bronLink(ctx, v.bron)})</span>`);
  const wieNiet = eb.hoogstens && eb.opmerking ? eb.opmerking.replace(/^U betaalt hoogstens .*? per maand\.\s*/, "") : "";
  return (
    `<div class="rh-eigen-bijdrage"><p><strong>Eigen bijdrage:</strong> u betaalt zelf ${eb.hoogstens === false ? "" : "hoogstens "}<strong>${html(euro(eb.per_maand))} per maand</strong> per huishouden ` +
    `(het abonnementstarief vanaf ${html(datum(eb.vanaf))}; ${bronLink(ctx, eb.bron)}).${wieNiet ? ` ${html(wieNiet)}` : ""}</p>` +
    (voorwaarden.length
      ? `<details class="rh-meer" data-sleutel="eigen-bijdrage"><summary>Wat u moet weten over de eigen bijdrage</summary>${lijst(voorwaarden)}</details>`
      : "") +
    `</div>`
  );
}

// "125" minutes a week -> "ongeveer 2 uur en 5 minuten per week" (whole minutes from the core).
function perWeek(minuten) {
  const m = Number.parseInt(String(minuten ?? ""), 10);
  if (!Number.isInteger(m) || m <= 0) return "";
  const uur = Math.floor(m / 60);
  const rest = m % 60;
  const delen = [uur ? `${uur} uur` : "", rest ? `${rest} ${rest === 1 ? "minuut" : "minuten"}` : ""].filter(Boolean);
  return `ongeveer ${delen.join(" en ")} per week`;
}

// The eigen bijdrage in one sentence for the headline.
function eigenBijdrageKort(eb) {
  if (!eb || eb.per_maand === null || eb.per_maand === undefined) return "";
  if (!eb.van_toepassing) return " U betaalt geen eigen bijdrage.";
  return ` U betaalt zelf een eigen bijdrage van ${eb.hoogstens === false ? "" : "hoogstens "}${html(euro(eb.per_maand))} per maand.`;
}

// The headline is the answer for the way the resident chose (zorg in natura: hours; a pgb: hours
// and the budget, where the sources give one). Amounts that only apply under a condition never lead.
function advies(ctx, u) {
  const naam = regioNaam(ctx, u.regio);
  // The town she chose (ctx.plaats, from the page's place question) names the answer; its region's rules apply.
  const plaats = ctx.plaats?.naam || naam;
  const waarom =
    ctx.plaats && ctx.plaats.naam !== naam
      ? `<p class="rh-regio-uitleg">${html(ctx.plaats.naam)} hoort bij ${html(naam)}. Daarom gelden voor u de regels van ${html(naam)}.</p>`
      : "";
  const k = u.keuze;
  const heeftProducten = (u.producten || []).length > 0;
  const week = perWeek(u.minuten_per_week);
  const uren = heeftProducten
    ? `<strong>${html(getal(u.uren_per_jaar))} uur hulp per jaar</strong>${week ? `, dat is <strong>${html(week)}</strong>` : ""}`
    : "";
  // The hourly rate a budget rests on (sociaal netwerk: hours x rate), where the source gives one.
  const regels = k && k.budget ? u.budgetten[k.uitvoering]?.regels || [] : [];
  const tarieven = [...new Set(regels.filter((r) => r.uurtarief).map((r) => r.uurtarief))];
  const uurtarief =
    tarieven.length === 1 && regels.every((r) => r.uurtarief)
      ? ` Dat budget rekent met <strong>${html(euro(tarieven[0]))} per uur</strong>.`
      : "";
  let kop;
  if (!heeftProducten) {
    kop = `In ${html(plaats)}: de bronnen van deze site noemen voor ${html(naam)} geen uren en geen bedragen voor hulp in het huishouden. Daarom rekent de rekenhulp hier niets uit. Vraag uw gemeente welke hulp en hoeveel uur bij u passen.`;
  } else if (!k || k.uitvoering === "zorg-in-natura") {
    kop = `In ${html(plaats)} past bij u: ${uren}, van een zorgaanbieder van de gemeente (zorg in natura). U krijgt uren hulp, geen budget.`;
  } else if (k.budget) {
    kop = `In ${html(plaats)} past bij u: ${uren}. Met een ${html(k.omschrijving)} is het budget hoogstens <strong>${html(euro(k.per_maand))} per maand</strong>, dat is <strong>${html(euro(k.per_jaar))} per jaar</strong>.${uurtarief}`;
  } else {
    kop = `In ${html(plaats)} past bij u: ${uren}. Voor een ${html(k.omschrijving)} noemen de bronnen geen bedrag.`;
  }
  const eb = u.eigen_bijdrage;
  const ebKort = eigenBijdrageKort(eb);
  const producten = (u.producten || [])
    .map((p) => `<li>${productLink(ctx, p.id, p.naam)}: ${html(getal(p.uren_per_jaar))} uur per jaar</li>`)
    .join("");
  const namen = ctx.data.uitvoeringen || {};
  const volgorde = inVolgorde(ctx, u.budgetten);
  const metVoorwaarde = volgorde.filter((x) => (u.budgetten[x].voorwaarden || []).length);
  const zonder = volgorde.filter((x) => !metVoorwaarde.includes(x));
  const rij = (uitvoering) => {
    const b = u.budgetten[uitvoering];
    const ontbreekt = (b.ontbreekt || []).map((o) => html(o.melding)).join(" ");
    return (
      `<tr><th scope="row">${html(namen[uitvoering] || uitvoering)}</th>` +
      `<td class="rh-bedrag">${html(euro(b.per_maand))}</td><td class="rh-bedrag">${html(euro(b.per_jaar))}</td></tr>` +
      (ontbreekt ? `<tr><td colspan="3" class="rh-ontbreekt">${ontbreekt}</td></tr>` : "")
    );
  };
  const kopjes = `<thead><tr><th scope="col">Wie helpt u?</th><th scope="col">Per maand</th><th scope="col">Per jaar</th></tr></thead>`;
  const voorwaarden = [...new Set(metVoorwaarde.flatMap((x) => u.budgetten[x].voorwaarden))];
  const tabellen = heeftProducten
    ? `<table class="rh-tabel"><caption>Hoogste pgb-budget per manier van regelen</caption>${kopjes}<tbody>${zonder.map(rij).join("")}</tbody></table>` +
      (metVoorwaarde.length
        ? `<details class="rh-meer rh-voorwaardelijk" data-sleutel="voorwaardelijk"><summary>Bedragen die nog niet gelden</summary>` +
          `<p>${voorwaarden.map(html).join(" ")}</p>` +
          `<table class="rh-tabel"><caption>Alleen als aan deze voorwaarde is voldaan</caption>${kopjes}<tbody>${metVoorwaarde.map(rij).join("")}</tbody></table></details>`
        : "")
    : "";
  // One "Waarom?": first why this product, then how each amount follows.
  const delen = [{ titel: "Welk product, hoeveel uur en wat u zelf betaalt", stappen: u.toelichting || [] }].concat(
    volgorde.map((x) => ({ titel: `Bedrag: ${namen[x] || x}`, stappen: u.budgetten[x].toelichting || [] })),
  );
  const alleStappen = delen.flatMap((d) => d.stappen);
  const eerste = (u.producten || [])[0];
  return {
    html:
      `<p class="rh-kern rh-kop">${kop}${ebKort}</p>` +
      waarom +
      (heeftProducten ? `<p>Dit past bij uw situatie:</p><ul class="rh-producten">${producten}</ul>` : "") +
      tabellen +
      eigenBijdrage(ctx, eb) +
      // Without products the headline already says it, once.
      (heeftProducten ? `<div class="rh-opmerkingen">${lijst((u.opmerkingen || []).map(html))}</div>` : "") +
      waaromInDelen(ctx, delen, "advies") +
      printVoet(ctx, u, alleStappen),
    // The phone's bottom bar: the place and the figures that count, short enough for two lines.
    kort:
      `${plaats}: ` +
      (heeftProducten ? `${getal(u.uren_per_jaar)} uur per jaar` : "geen uren of bedragen in de bronnen") +
      (k && k.budget ? `, ${euro(k.per_maand)} per maand` : ""),
    samenvatting:
      `${plaats}: ` +
      (heeftProducten ? `${eerste ? eerste.naam + ", " : ""}${getal(u.uren_per_jaar)} uur per jaar` : "geen bedragen in de bronnen") +
      (k && k.budget ? `; ${k.omschrijving} ${euro(k.per_maand)} per maand` : "") +
      (eb && eb.per_maand ? `; eigen bijdrage ${euro(eb.per_maand)} per maand` : ""),
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
        `<tr><th scope="row">${html(d.label)}${kaart ? ` <span class="rh-kaart">(${productLink(ctx, kaart)})</span>` : ""}` +
        (d.tijdelijk ? `<span class="rh-looptijd">tijdelijk: week 1 tot en met ${html(getal(d.weken))}</span>` : "") +
        `</th>` +
        `<td class="rh-getal">${html(getal(d.minuten_per_week))}</td>` +
        `<td class="rh-getal">${html(getal(d.uren_eerste_jaar))}${d.afgeleid ? "*" : ""}</td>` +
        `<td>${bronLink(ctx, d.bron)}</td></tr>`
      );
    })
    .join("");
  const afgeleid = (u.onderdelen || []).some((d) => d.afgeleid);
  const tijdelijk = (u.onderdelen || []).some((d) => d.tijdelijk);
  const labels = Object.fromEntries((u.onderdelen || []).map((d) => [d.onderdeel, d.label]));
  const weken = (p) =>
    p.tot_en_met_week === null
      ? `vanaf week ${html(getal(p.van_week))}`
      : `week ${html(getal(p.van_week))} tot en met ${html(getal(p.tot_en_met_week))}`;
  // With an ingangsdatum every period has its dates (the core's); the weeks stay beside them.
  const periode = (p) =>
    p.van ? `${html(datum(p.van))} tot en met ${html(datum(p.tot_en_met))} <span class="rh-looptijd">${weken(p)}</span>` : weken(p);
  const perioden = (u.perioden || [])
    .map(
      (p) =>
        `<tr><th scope="row">${periode(p)}</th>` +
        `<td class="rh-getal">${html(getal(p.minuten_per_week))}</td>` +
        `<td>${p.tijdelijk.length ? p.tijdelijk.map((o) => html(labels[o] || o)).join(", ") : "alleen blijvende onderdelen"}</td></tr>`,
    )
    .join("");
  const maatwerk = (u.maatwerk || []).map((m) => `${html(m.melding)} (${bronLink(ctx, m.bron)})`);
  const looptijd = u.einddatum
    ? `<p class="rh-looptijd-indicatie">Indicatie van <strong>${html(datum(u.ingangsdatum))}</strong> tot en met <strong>${html(datum(u.einddatum))}</strong>.</p>`
    : "";
  const kern = tijdelijk
    ? `<p class="rh-kern">Blijvend: <strong>${html(getal(u.structureel_minuten_per_week))} minuten per week</strong>, ` +
      `dat is ${html(getal(u.structureel_uren_per_jaar))} uur per jaar. ` +
      `In het eerste jaar: <strong>${html(getal(u.uren_eerste_jaar))} uur</strong>, met de tijdelijke onderdelen alleen voor hun eigen weken` +
      (u.uren_eerste_jaar_onafgerond && u.uren_eerste_jaar_onafgerond !== u.uren_eerste_jaar
        ? ` (onafgerond ${html(getal(u.uren_eerste_jaar_onafgerond))})`
        : "") +
      `.</p>`
    : `<p class="rh-kern">Indicatie: <strong>${html(getal(u.structureel_minuten_per_week))} minuten per week</strong>, ` +
      `dat is <strong>${html(getal(u.structureel_uren_per_jaar))} uur per jaar</strong>` +
      (u.uren_eerste_jaar_onafgerond && u.uren_eerste_jaar_onafgerond !== u.uren_eerste_jaar
        ? ` (onafgerond ${html(getal(u.uren_eerste_jaar_onafgerond))})`
        : "") +
      `.</p>`;
  return {
    html:
      kern +
      looptijd +
      (tijdelijk || u.einddatum
        ? `<table class="rh-tabel rh-perioden"><caption>Minuten per week per periode</caption>` +
          `<thead><tr><th scope="col">Periode</th><th scope="col">Minuten per week</th><th scope="col">Tijdelijke onderdelen die nog lopen</th></tr></thead>` +
          `<tbody>${perioden}</tbody></table>`
        : "") +
      toewijzing(ctx, u) +
      `<table class="rh-tabel"><caption>Onderdelen van de indicatie</caption>` +
      `<thead><tr><th scope="col">Onderdeel</th><th scope="col">Minuten per week</th><th scope="col">Uren in het eerste jaar</th><th scope="col">Bron</th></tr></thead>` +
      `<tbody>${rijen}</tbody>` +
      `<tfoot><tr><th scope="row">Eerste jaar samen</th><td></td><td class="rh-getal">${html(getal(u.uren_eerste_jaar))}</td><td></td></tr></tfoot></table>` +
      (afgeleid ? `<p class="rh-noot">* Uren per jaar uit de HHM-tabel (bron 003, Bijlage 11), niet omgerekend uit minuten.</p>` : "") +
      (tijdelijk
        ? `<p class="rh-noot">Een maand telt als 52 / 12 weken, afgerond op hele weken (eigen rekenafspraak; zie de kengetallen). Na het eerste jaar geldt alleen het blijvende deel.</p>`
        : "") +
      (maatwerk.length ? `<h3>Maatwerk: dit weegt de consulent</h3>${lijst(maatwerk)}` : "") +
      eigenBijdrage(ctx, u.eigen_bijdrage) +
      waarom(ctx, u.toelichting, "ho") +
      printVoet(ctx, u, u.toelichting),
    samenvatting: tijdelijk
      ? `blijvend ${getal(u.structureel_minuten_per_week)} minuten per week; eerste jaar ${getal(u.uren_eerste_jaar)} uur`
      : `${getal(u.structureel_minuten_per_week)} minuten per week, ${getal(u.structureel_uren_per_jaar)} uur per jaar`,
  };
}

// The iWmo 3.2 toewijzing per period (source 006, section 5), codes as text with their leading zero;
// the productcode is never invented: the core says where it comes from.
function toewijzing(ctx, u) {
  const regels = (u.perioden || []).map((p) => p.toewijzing).filter(Boolean);
  if (!regels.length) return "";
  const code = (c, naam) => `${html(c)} <span class="rh-noot">(${html(naam)})</span>`;
  const eerste = regels[0];
  const rijen = regels
    .map(
      (r) =>
        `<tr><th scope="row">${html(datum(r.ingangsdatum))} tot en met ${html(datum(r.einddatum))}</th>` +
        `<td class="rh-getal">${html(getal(r.volume))}</td><td>${code(r.eenheid, r.eenheid_naam)}</td>` +
        `<td>${code(r.frequentie, r.frequentie_naam)}</td></tr>`,
    )
    .join("");
  const aannames = (u.toewijzing_aannames || []).map(html);
  return (
    `<div class="rh-toewijzing"><p><strong>Toewijzing (iWmo 3.2)</strong>: productcategorie ${code(eerste.productcategorie, eerste.productcategorie_naam)}; ` +
    `productcode: ${eerste.productcode ? html(eerste.productcode) : html(eerste.productcode_tekst)} (${bronLink(ctx, eerste.bron)}).</p>` +
    `<table class="rh-tabel"><caption>Toewijzing per periode</caption>` +
    `<thead><tr><th scope="col">Ingangsdatum tot en met einddatum</th><th scope="col">Volume</th><th scope="col">Eenheid</th><th scope="col">Frequentie</th></tr></thead>` +
    `<tbody>${rijen}</tbody></table></div>` +
    (aannames.length
      ? `<details class="rh-meer" data-sleutel="toewijzing-aannames"><summary>Hoe de datums en het volume zijn bepaald (aannames)</summary>${lijst(aannames)}</details>`
      : "")
  );
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
  const voorwaarden = u.voorwaarden || [];
  return {
    html:
      (heeftBedrag
        ? `<p class="rh-kern">Hoogste budget: <strong>${html(euro(u.per_maand))} per maand</strong>, <strong>${html(euro(u.per_jaar))} per jaar</strong>.</p>` +
          `<table class="rh-tabel"><caption>Opbouw van het budget</caption>` +
          `<thead><tr><th scope="col">Product</th><th scope="col">Per maand</th><th scope="col">Per jaar</th><th scope="col">Bron</th></tr></thead>` +
          `<tbody>${rijen}</tbody></table>`
        : `<p class="rh-kern">Voor deze keuze staat geen bedrag in de bronnen.</p>`) +
      (ontbreekt.length ? `<p>Geen bedrag:</p>${lijst(ontbreekt)}` : "") +
      (voorwaarden.length ? `<p class="rh-voorwaarde"><strong>Voorwaarde:</strong> ${voorwaarden.map(html).join(" ")}</p>` : "") +
      eigenBijdrage(ctx, u.eigen_bijdrage) +
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
      (u.maanden ? `<tr><th scope="row">Maanden huur in het maximum</th><td class="rh-getal">${html(getal(u.maanden))} maanden</td></tr>` : "") +
      `</tbody></table>` +
      // Bijlage 4 gives amounts, not a term; Bijlage 3's normal write-off term can differ (wheelchairs:
      // 84 months in the maximum, 6 years in Bijlage 3): both are shown, never merged.
      (u.maanden
        ? `<p class="rh-noot">Het maximale PGB is ${html(getal(u.maanden))} keer de huur per maand (bron 003, Bijlage 4). ` +
          `Dat is niet altijd de normale afschrijvingstermijn: Bijlage 3 noemt voor sommige hulpmiddelen een andere termijn. ` +
          `Zie de <a href="${html(siteUrl(ctx, "lijsten/afschrijvingstermijnen/"))}">afschrijvingstermijnen</a>.</p>`
        : "") +
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
  const uit = fn(ctx, uitkomst);
  return { ...uit, html: waarschuwingen(uitkomst) + uit.html };
}

// A peildatum outside the sources' dates: the answer says which dates its figures are of.
function waarschuwingen(uitkomst) {
  const zinnen = uitkomst.waarschuwingen || [];
  if (!zinnen.length) return "";
  return (
    `<div class="admonition warning rh-waarschuwingen" role="note">` +
    `<p class="admonition-title">Let op</p>${lijst(zinnen.map(html))}</div>`
  );
}

export function foutenlijst(fouten) {
  return (
    `<div class="rh-foutsamenvatting"><p><strong>Controleer uw antwoorden.</strong></p>` +
    lijst(fouten.map((f) => html(f.melding))) +
    `</div>`
  );
}
