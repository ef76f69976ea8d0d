// Forms of the rekenhulp: from fields to the core's input, the core's errors back to the
// fields, the share link (the inputs in the URL fragment, never sent to a server) and the
// repeatable list of children.
//
// Conventions in the page templates (catalogue/templates/rekenhulp/):
//   name="..."              a field; its value goes to the core under data-sleutel or name
//   data-type="int"         whole number: typed text, sent as a number when it is one and
//                           otherwise as typed, so the core's message explains the problem
//   data-type="jn"          radio group ja/nee -> true/false ("" -> left out)
//   data-type="vinkje"      checkbox -> true/false
//   data-type="tekst"       select or radio group -> its value ("" -> left out)
//   data-type="lijst"       select -> [value]
//   data-type="datum"       date -> "YYYY-MM-DD" ("" -> left out)
//   data-toon-als="veld=a|b"  wrapper shown only while field `veld` has value a or b
//   data-toon-als="kinderen"  wrapper shown only while the list has items
//   data-fout-voor="sleutel"  where the core's message for that key is shown
//   data-lijst="kinderen"   repeatable items ([data-item]) made from <template data-sjabloon>
//   data-notitie="naam"     a dossier field without a name (motivation, dossiernummer): never in
//                           the core's input or a link; dossier.js prints it
//   <option data-kern="x">  the core gets "x" for this option; the link keeps the option's value
//   data-apart="soort"      fields inside go to that other soort (leesApart), not to the form's

import { html } from "./opmaak.js";

const GETAL = /^[+-]?\d+$/;

function velden(form) {
  // Top-level named fields, one entry per name (a radio group is one field).
  const perNaam = new Map();
  for (const el of form.querySelectorAll("[name]")) {
    if (el.closest("[data-item]")) continue;
    if (!perNaam.has(el.name)) perNaam.set(el.name, []);
    perNaam.get(el.name).push(el);
  }
  return perNaam;
}

function verborgen(el) {
  return Boolean(el.closest("[hidden]"));
}

// The raw value of a field as the user set it ("ja"/"nee" for a checkbox).
function ruweWaarde(els) {
  const el = els[0];
  if (el.type === "radio") return (els.find((r) => r.checked) || { value: "" }).value;
  if (el.type === "checkbox") return el.checked ? "ja" : "nee";
  return el.value;
}

function waardeVoorKern(type, ruw) {
  const tekst = String(ruw ?? "").trim();
  switch (type) {
    case "int":
      if (tekst === "") return undefined;
      return GETAL.test(tekst) ? Number.parseInt(tekst, 10) : tekst;
    case "jn":
      return tekst === "ja" ? true : tekst === "nee" ? false : undefined;
    case "vinkje":
      return tekst === "ja";
    case "lijst":
      return tekst === "" ? undefined : [tekst];
    default:
      return tekst === "" ? undefined : tekst;
  }
}

function sleutelVan(els) {
  return els[0].dataset.sleutel || els[0].name;
}

// What the core gets for a field: an option's data-kern where it has one, else the raw value.
function kernWaarde(els) {
  const el = els[0];
  const kern = el.tagName === "SELECT" ? el.selectedOptions[0]?.dataset.kern : undefined;
  return waardeVoorKern(el.dataset.type, kern ?? ruweWaarde(els));
}

// The input object for calculator.api.run_json.
export function leesInvoer(form) {
  const invoer = {};
  for (const [, els] of velden(form)) {
    if (verborgen(els[0]) || els[0].closest("[data-apart]")) continue;
    const waarde = kernWaarde(els);
    if (waarde !== undefined) invoer[sleutelVan(els)] = waarde;
  }
  for (const lijst of form.querySelectorAll("[data-lijst]")) {
    if (verborgen(lijst)) continue;
    const items = [...lijst.querySelectorAll("[data-item]")].map((item) => {
      const uit = {};
      for (const el of item.querySelectorAll("[data-veld]")) {
        const waarde = waardeVoorKern(el.dataset.type, el.type === "checkbox" ? (el.checked ? "ja" : "nee") : el.value);
        if (waarde !== undefined) uit[el.dataset.veld] = waarde;
      }
      return uit;
    });
    if (items.length) invoer[lijst.dataset.lijst] = items;
  }
  return invoer;
}

// {soort: input} of the fields inside each [data-apart="soort"] (asked of that soort on its own,
// so the answer table of the form does not multiply by their combinations).
export function leesApart(form) {
  const uit = {};
  for (const deel of form.querySelectorAll("[data-apart]")) {
    const invoer = {};
    for (const [, els] of velden(deel)) {
      if (verborgen(els[0])) continue;
      const waarde = kernWaarde(els);
      if (waarde !== undefined) invoer[sleutelVan(els)] = waarde;
    }
    uit[deel.dataset.apart] = invoer;
  }
  return uit;
}

// --- conditional parts ------------------------------------------------------------------

export function pasZichtbaarheidToe(form) {
  const alle = velden(form);
  for (const deel of form.querySelectorAll("[data-toon-als]")) {
    const [naam, waarden] = deel.dataset.toonAls.split("=");
    let tonen;
    if (waarden === undefined) {
      const lijst = form.querySelector(`[data-lijst="${naam}"]`);
      tonen = Boolean(lijst && lijst.querySelector("[data-item]"));
    } else {
      const els = alle.get(naam);
      tonen = Boolean(els) && waarden.split("|").includes(ruweWaarde(els));
    }
    deel.hidden = !tonen;
  }
}

// --- errors -----------------------------------------------------------------------------

export function wisFouten(form) {
  for (const p of form.querySelectorAll("[data-fout-voor]")) {
    p.textContent = "";
    p.hidden = true;
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

function plaats(form, veld) {
  const m = /^([A-Za-z0-9_]+)(?:\[(\d+)\])?(?:\.([A-Za-z0-9_]+))?$/.exec(veld || "");
  if (!m) return null;
  const [, basis, index, sub] = m;
  const lijst = form.querySelector(`[data-lijst="${basis}"]`);
  if (lijst && index !== undefined && sub) {
    const item = lijst.querySelectorAll("[data-item]")[Number(index)];
    if (!item) return null;
    return {
      controls: [...item.querySelectorAll(`[data-veld="${sub}"]`)],
      melding: item.querySelector(`[data-fout-voor="${sub}"]`),
    };
  }
  const melding = form.querySelector(`[data-fout-voor="${basis}"]`);
  if (!melding || verborgen(melding.parentElement)) return null;
  const controls = [...form.querySelectorAll(`[data-sleutel="${basis}"], [name="${basis}"]`)].filter(
    (el) => !el.closest("[data-item]"),
  );
  return { controls, melding };
}

// Show each message at its field; returns the messages that have no field on the page.
export function toonFouten(form, fouten) {
  wisFouten(form);
  const los = [];
  for (const fout of fouten) {
    const p = plaats(form, fout.veld);
    if (!p || !p.melding) {
      los.push(fout);
      continue;
    }
    p.melding.hidden = false;
    p.melding.textContent = p.melding.textContent ? `${p.melding.textContent} ${fout.melding}` : fout.melding;
    for (const el of p.controls) el.setAttribute("aria-invalid", "true");
  }
  return los;
}

// The error summary at the top of the form (the GOV.UK / NL Design System pattern): every
// message once, each a link that takes the reader to its field. Focus is not moved: the form
// answers while the person types, and the live status line already says how many errors.
export function toonSamenvatting(form, fouten) {
  let vak = form.querySelector(":scope > [data-foutsamenvatting]");
  if (!fouten.length) {
    vak?.remove();
    return;
  }
  if (!vak) {
    vak = document.createElement("div");
    vak.className = "rh-foutsamenvatting";
    vak.dataset.foutsamenvatting = "";
    vak.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-naar]");
      if (!link) return;
      event.preventDefault(); // no #id in the address: that is where a shared link lives
      const doel = document.getElementById(link.dataset.naar);
      doel?.closest(".rh-veld, fieldset")?.scrollIntoView({ block: "center" });
      doel?.focus();
    });
    form.prepend(vak);
  }
  const items = fouten.map((fout) => {
    const p = plaats(form, fout.veld);
    const doel = p?.controls?.find((el) => el.checked) || p?.controls?.[0];
    const tekst = html(fout.melding);
    return doel?.id ? `<li><a href="#${html(doel.id)}" data-naar="${html(doel.id)}">${tekst}</a></li>` : `<li>${tekst}</li>`;
  });
  const n = fouten.length;
  vak.innerHTML =
    `<h3 class="rh-foutsamenvatting-kop">Er ${n === 1 ? "is 1 antwoord" : `zijn ${n} antwoorden`} niet goed ingevuld</h3>` +
    `<ul>${items.join("")}</ul>`;
}

// --- the list of children -----------------------------------------------------------------

let teller = 0;

function nummerItems(lijst) {
  lijst.querySelectorAll("[data-item]").forEach((item, i) => {
    for (const el of item.querySelectorAll("[data-nummer]")) el.textContent = String(i + 1);
  });
}

function voegToe(lijst, waarden = {}) {
  const sjabloon = lijst.querySelector("template[data-sjabloon]");
  const nr = ++teller;
  const wrapper = document.createElement("div");
  wrapper.innerHTML = sjabloon.innerHTML.replaceAll("__i__", String(nr));
  const item = wrapper.firstElementChild;
  for (const el of item.querySelectorAll("[data-veld]")) {
    if (Object.hasOwn(waarden, el.dataset.veld)) el.value = String(waarden[el.dataset.veld]);
  }
  lijst.querySelector("[data-items]").append(item);
  nummerItems(lijst);
  return item;
}

export function initLijsten(form, bijWijziging) {
  for (const lijst of form.querySelectorAll("[data-lijst]")) {
    const knop = lijst.querySelector("[data-actie='toevoegen']");
    knop?.addEventListener("click", () => {
      const item = voegToe(lijst);
      item.querySelector("input, select")?.focus();
      bijWijziging();
    });
    lijst.addEventListener("click", (event) => {
      const weg = event.target.closest("[data-actie='verwijderen']");
      if (!weg) return;
      weg.closest("[data-item]").remove();
      nummerItems(lijst);
      knop?.focus();
      bijWijziging();
    });
  }
}

// --- share link -----------------------------------------------------------------------------

// The inputs as a URL fragment (without "#"): f=<form id> and the fields by name.
export function naarFragment(form) {
  const params = new URLSearchParams();
  params.set("f", form.id);
  for (const [naam, els] of velden(form)) {
    if (verborgen(els[0])) continue;
    const ruw = ruweWaarde(els);
    if (ruw !== "") params.set(naam, ruw);
  }
  for (const lijst of form.querySelectorAll("[data-lijst]")) {
    const items = [...lijst.querySelectorAll("[data-item]")].map((item) =>
      Object.fromEntries([...item.querySelectorAll("[data-veld]")].filter((el) => el.value !== "").map((el) => [el.dataset.veld, el.value])),
    );
    if (items.length) params.set(lijst.dataset.lijst, JSON.stringify(items));
  }
  return params.toString();
}

// A fragment is text anyone can put in a link: it is only ever compared with names, never
// built into a CSS selector, and nothing in it can stop the page from answering.
const FRAGMENT_ITEMS = 20; // more list items than any form accepts; the core names the limit

// Which form of the page a fragment is for: its f=; for a product card's #product=<id>
// the form with an option or radio marked data-product="<id>"; else the first form with
// a field named like one of the fragment's keys.
function productElement(form, id) {
  return [...form.querySelectorAll("[data-product]")].find((el) => el.dataset.product === id) || null;
}

function lijstVan(form, naam) {
  return [...form.querySelectorAll("[data-lijst]")].find((el) => el.dataset.lijst === naam) || null;
}

export function formulierVoor(forms, params) {
  try {
    const id = params.get("f");
    if (id) return forms.find((f) => f.id === id) || null;
    const product = params.get("product");
    if (product) {
      const form = forms.find((f) => productElement(f, product));
      if (form) return form;
    }
    for (const naam of params.keys()) {
      const form = forms.find((f) => velden(f).has(naam) || lijstVan(f, naam));
      if (form) return form;
    }
  } catch {
    // a fragment that cannot be read chooses no form; every form still answers
  }
  return null;
}

// Put a fragment's values into the form; unknown names and impossible values are ignored.
export function vanFragment(form, params) {
  const alle = velden(form);
  for (const [naam, ruw] of params) {
    try {
      zetUitFragment(form, alle, naam, ruw);
    } catch {
      // one odd entry is skipped; the rest of the fragment still applies
    }
  }
}

function zetUitFragment(form, alle, naam, ruw) {
  const gekozen = naam === "product" ? productElement(form, ruw) : null;
  if (gekozen) {
    if (gekozen.tagName === "OPTION") gekozen.selected = true;
    else if (gekozen.type === "radio") gekozen.checked = true;
    return;
  }
  const els = alle.get(naam);
  if (els) {
    zet(els, ruw);
    return;
  }
  const lijst = lijstVan(form, naam);
  if (!lijst) return;
  let items;
  try {
    items = JSON.parse(ruw);
  } catch {
    return;
  }
  for (const oud of lijst.querySelectorAll("[data-item]")) oud.remove();
  for (const waarden of Array.isArray(items) ? items.slice(0, FRAGMENT_ITEMS) : []) {
    if (waarden && typeof waarden === "object" && !Array.isArray(waarden)) voegToe(lijst, waarden);
  }
}

function zet(els, ruw) {
  const el = els[0];
  if (el.type === "radio") {
    for (const r of els) r.checked = r.value === ruw;
  } else if (el.type === "checkbox") {
    el.checked = ruw === "ja";
  } else if (el.tagName === "SELECT") {
    if ([...el.options].some((o) => o.value === ruw)) el.value = ruw;
  } else {
    el.value = ruw;
  }
}

// --- print summary ----------------------------------------------------------------------------

function labelVan(form, els) {
  const el = els[0];
  if (el.type === "radio") return el.closest("fieldset")?.querySelector("legend")?.textContent.trim() || el.name;
  const label = form.querySelector(`label[for="${el.id}"]`);
  return label ? label.textContent.trim() : el.dataset.vraag || el.name;
}

function tekstVan(form, els) {
  const el = els[0];
  if (el.type === "radio") {
    const gekozen = els.find((r) => r.checked);
    return gekozen ? form.querySelector(`label[for="${gekozen.id}"]`)?.textContent.trim() || gekozen.value : "";
  }
  if (el.type === "checkbox") return el.checked ? "Ja" : "Nee";
  if (el.tagName === "SELECT") return el.selectedOptions[0]?.textContent.trim() || "";
  return el.value.trim();
}

// [{label, waarde, id}] of the visible fields (id: the control to go back to), for the printed
// result and the resident's "Uw antwoorden".
export function antwoorden(form) {
  const uit = [];
  for (const [, els] of velden(form)) {
    if (verborgen(els[0])) continue;
    const waarde = tekstVan(form, els);
    const id = (els.find((el) => el.checked && el.type === "radio") || els[0]).id;
    if (waarde) uit.push({ label: labelVan(form, els), waarde, id });
  }
  for (const lijst of form.querySelectorAll("[data-lijst]")) {
    if (verborgen(lijst)) continue;
    lijst.querySelectorAll("[data-item]").forEach((item, i) => {
      const delen = [...item.querySelectorAll("[data-veld]")]
        .filter((el) => el.value.trim() !== "" && el.value.trim() !== "0")
        .map((el) => `${item.querySelector(`label[for="${el.id}"]`)?.textContent.trim() || el.dataset.veld}: ${el.value.trim()}`);
      uit.push({ label: `Kind ${i + 1}`, waarde: delen.join("; ") });
    });
  }
  return uit;
}
