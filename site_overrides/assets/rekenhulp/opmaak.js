// Dutch notation for what the core computed. Only notation: every figure arrives from
// Python as a decimal string ("4239.60", "43.5") and is reformatted as text, never
// parsed into a float, so no rounding can creep in here.

const DECIMAAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function groepeer(cijfers) {
  return cijfers.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

// "4239.60" -> "€ 4.239,60" (the core already rounded to the cent), a no-break space after
// the euro sign so the sign never ends a line without its amount.
export function euro(waarde) {
  if (waarde === null || waarde === undefined || waarde === "") return "—";
  const m = DECIMAAL.exec(String(waarde));
  if (!m) return String(waarde);
  const centen = (m[3] || "").padEnd(2, "0");
  return `${m[1]}€\u00a0${groepeer(m[2])},${centen}`;
}

// "43.5" -> "43,5"; "1234" -> "1.234"; other text stays as it is.
export function getal(waarde) {
  if (waarde === null || waarde === undefined || waarde === "") return "—";
  const m = DECIMAAL.exec(String(waarde));
  if (!m) return String(waarde);
  return `${m[1]}${groepeer(m[2])}${m[3] ? "," + m[3] : ""}`;
}

// A figure with its unit as the trace gives it: euro units as amounts.
export function metEenheid(waarde, eenheid) {
  const e = (eenheid || "").trim();
  if (e.startsWith("euro")) {
    const rest = e.replace(/^euro\s*/, "");
    return rest ? `${euro(waarde)} ${rest}` : euro(waarde);
  }
  const w = getal(waarde);
  return e ? `${w} ${e}` : w;
}

const MAANDEN = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];

// "2026-01-01" (or a Date) -> "1 januari 2026"
export function datum(waarde) {
  if (waarde instanceof Date) {
    return `${waarde.getDate()} ${MAANDEN[waarde.getMonth()]} ${waarde.getFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(waarde || ""));
  if (!m) return String(waarde || "");
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}

// Escape text for HTML; every string from the core or the URL goes through this.
// (Also the core's own sentences: "€" and its amount joined by a no-break space, as euro() does.)
export function html(tekst) {
  return String(tekst ?? "")
    .replace(/€ /g, "€\u00a0")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
