"""Share-link fragments are text anyone can write (issue 11): none may stop a calculator answering.

Reproductions first (a key with a quote, with and without f=, and on a later hashchange), then a
property test: generated fragments, each set as the page's hash, after which every form on the page
must still answer a change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from tests.e2e.helpers import READY_MS, Watch, pinned_context, wait_ready

FORMS = {
    "rekenhulp/budget/": ("pgb", "hulpmiddel", "hht", "beschermd-thuis"),
    "rekenhulp/normenkader/": ("ho",),
    "rekenhulp/pgb-budget/": ("advies",),
}

# Wait until no form has a question out (aria-busy, the page's own signal), then change one
# visible control of every form such that the form asks a new question (a change that leaves the
# question as it was is seen at once: the form does not go busy, so the next control is tried),
# and wait until each has shown one more answer. No fixed sleep: every wait ends on a change of
# the result sections, or at the bound `wachtMs` (a failure, never a pass).
ELK_FORMULIER_ANTWOORDT = """
async (wachtMs) => {
  const zichtbaar = (el) => !el.closest("[hidden]") && !el.closest("[data-item]");
  const forms = [...document.querySelectorAll("form[data-soort]")];
  const uit = (f) => document.querySelector(`[data-rekenhulp-resultaat='${f.id}']`);
  const teller = (f) => Number(uit(f).dataset.berekeningen || 0);
  const bezig = (f) => uit(f).getAttribute("aria-busy") === "true";
  const tot = performance.now() + wachtMs;
  const zodra = (klaar) => new Promise((resolve) => {
    if (klaar()) return resolve(true);
    const rest = Math.max(0, tot - performance.now());
    const grens = setTimeout(() => { kijk.disconnect(); resolve(klaar()); }, rest);
    const kijk = new MutationObserver(() => {
      if (klaar()) { kijk.disconnect(); clearTimeout(grens); resolve(true); }
    });
    for (const f of forms) kijk.observe(uit(f), { attributes: true });
  });
  const wijzigingen = function* (form) {
    const stuur = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
    for (const sel of [...form.querySelectorAll("select[name]")].filter(zichtbaar)) {
      for (let stap = 1; stap < sel.options.length; stap++) {
        yield () => {
          sel.selectedIndex = (sel.selectedIndex + 1) % sel.options.length;
          stuur(sel, "change");
        };
      }
    }
    for (const radio of [...form.querySelectorAll("input[type=radio][name]")].filter(zichtbaar)) {
      yield () => { if (!radio.checked) { radio.checked = true; stuur(radio, "change"); } };
    }
    for (const vak of [...form.querySelectorAll("input[type=checkbox][name]")].filter(zichtbaar)) {
      yield () => { vak.checked = !vak.checked; stuur(vak, "change"); };
    }
    for (const tekst of [...form.querySelectorAll("input[type=text][name]")].filter(zichtbaar)) {
      for (const w of ["1", "2"]) yield () => { tekst.value = w; stuur(tekst, "input"); };
    }
    // A form with one fixed answer (HHT: a hidden field only): change that field.
    for (const vast of form.querySelectorAll("input[type=hidden][name]")) {
      yield () => {
        vast.dataset.orig ??= vast.value;
        vast.value = vast.value === vast.dataset.orig ? `${vast.value}-anders` : vast.dataset.orig;
        stuur(vast, "input");
      };
    }
  };
  if (!(await zodra(() => forms.every((f) => !bezig(f))))) {
    return forms.filter(bezig).map((f) => `${f.id} (bezig)`);
  }
  const voor = new Map(forms.map((f) => [f, teller(f)]));
  const stil = [];
  for (const f of forms) {
    let gevraagd = false;
    for (const wijzig of wijzigingen(f)) {
      wijzig();
      if (bezig(f) || teller(f) > voor.get(f)) { gevraagd = true; break; }
    }
    if (!gevraagd) stil.push(`${f.id} (geen wijziging gaf een nieuwe vraag)`);
  }
  await zodra(() => forms.every((f) => teller(f) > voor.get(f) && !bezig(f)));
  return [...stil, ...forms.filter((f) => teller(f) <= voor.get(f)).map((f) => f.id)];
}
"""

# The fragment set as a link would set it, its hashchange handled before evaluate returns.
ZET_FRAGMENT = """(h) => {
  history.replaceState(null, "", "#" + h);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}"""


def open_all(page: Page, url: str, forms: tuple[str, ...]) -> None:
    page.goto(url)
    for form in forms:
        wait_ready(page, form)


def assert_all_answer(page: Page) -> None:
    stil = page.evaluate(ELK_FORMULIER_ANTWOORDT, READY_MS)
    assert stil == [], f"deze formulieren antwoorden niet meer: {stil}"


@pytest.mark.parametrize(
    ("pad", "fragment"),
    [
        ("rekenhulp/budget/", 'f=pgb&x"]=1'),
        ("rekenhulp/budget/", 'x"]=1'),
        ("rekenhulp/budget/", "f=pgb&producten%22%5D=1&product=%22%5D"),
        ("rekenhulp/normenkader/", 'kinderen"]=[{"leeftijd":1}]&f=ho'),
        ("rekenhulp/normenkader/", "kinderen=[[[[1]]]]&kinderen=%7B%22a%22%3A1%7D"),
        ("rekenhulp/pgb-budget/", 'wasverzorging\\"]=ja&[=]&%E0%A4%A=1'),
    ],
)
def test_een_vreemd_fragment_bij_het_laden(
    watched: tuple[Page, Watch], base_url: str, pad: str, fragment: str
) -> None:
    """Reproduction: #f=pgb&x"]=1 left every calculator on "De rekenhulp wordt geladen…"."""
    page, watch = watched
    open_all(page, f"{base_url}/{pad}#{fragment}", FORMS[pad])
    assert_all_answer(page)
    watch.assert_clean()


def test_een_vreemd_fragment_later(watched: tuple[Page, Watch], base_url: str) -> None:
    """The same key when the fragment changes after the page has loaded (hashchange)."""
    page, watch = watched
    open_all(page, f"{base_url}/rekenhulp/budget/", FORMS["rekenhulp/budget/"])
    for fragment in ('x"]=1', 'f=pgb&x"]=1', "product=%22%5D%5B"):
        page.evaluate(ZET_FRAGMENT, fragment)
        assert_all_answer(page)
    watch.assert_clean()


# --- property test ------------------------------------------------------------------------------

NAMEN = sorted(
    {
        "f", "product", "producten", "uitvoering", "wasverzorging", "strijken", "maaltijden", "regio",
        "etmalen_per_jaar", "categorie", "niveau", "kinderen", "extra_ruimten", "duur_maanden", "regie",
        "peildatum", "wekelijks_nodig", "ho", "pgb", "hht", "advies",
    }
)  # fmt: skip
RAAR = st.text(alphabet=st.sampled_from(list("\"'[]()\\:#.*,>~+= &%?/{}<|`\x00\n\t é€😀\ud7ff")), max_size=12)
SLEUTEL = st.sampled_from(NAMEN) | RAAR | st.text(max_size=10)
KINDEREN = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=6),
    lambda binnen: (
        st.lists(binnen, max_size=4)
        | st.dictionaries(
            st.sampled_from(["leeftijd", "luiers_per_week", '"]']) | st.text(max_size=4), binnen, max_size=3
        )
    ),
    max_leaves=10,
).map(lambda w: json.dumps(w))
WAARDE = (
    st.sampled_from(["ja", "nee", "1", "-1", "", "pgb", "ho", "logeerzorg", "2_personen"]) | RAAR | KINDEREN
)


@st.composite
def fragment(draw: st.DrawFn) -> str:
    paren = draw(st.lists(st.tuples(SLEUTEL, WAARDE), max_size=6))
    if draw(st.booleans()):  # as a browser would encode it, or raw as someone typed it
        from urllib.parse import urlencode

        return urlencode(paren)
    return "&".join(f"{k}={v}" for k, v in paren).replace("#", "%23")


@pytest.fixture(scope="module")
def pagina(browser: Browser, base_url: str) -> Iterator[dict[str, tuple[Page, Watch]]]:
    """One open page per calculator page, kept for all generated fragments (Python boots once)."""
    pages = {}
    contexts = []
    for pad, forms in FORMS.items():
        context = pinned_context(browser, locale="nl-NL")
        contexts.append(context)
        watch = Watch(base_url)
        page = context.new_page()
        page.on("pageerror", lambda e, w=watch: w.errors.append(str(e)))
        page.on("console", lambda m, w=watch: w.errors.append(m.text) if m.type == "error" else None)
        open_all(page, f"{base_url}/{pad}", forms)
        pages[pad] = (page, watch)
    yield pages
    for context in contexts:
        context.close()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(st.sampled_from(sorted(FORMS)), fragment())
def test_willekeurige_fragmenten_laten_elk_formulier_antwoorden(
    pagina: dict[str, tuple[Page, Watch]], pad: str, tekst: str
) -> None:
    page, watch = pagina[pad]
    page.evaluate(ZET_FRAGMENT, tekst)
    assert_all_answer(page)
    assert not watch.errors, watch.errors


def test_a_fragment_above_the_size_limit_is_refused_before_parsing(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    """Finding 8 (issue 20): a 1-2 MB share link (250,000 parameters; here 120,000, 1.1 MB) held
    the consultant page for seconds. A fragment longer than the largest situation's JSON
    (content/invoer.yaml, omvang.json_tekens: 100,000 characters) is no share link: not applied,
    and the page says so in Dutch."""
    page, watch = watched
    fragment = "f=ho&extra_ruimten=2&" + "&".join(f"x{i}=1" for i in range(120_000))
    assert len(fragment) > 1_000_000
    page.goto(f"{base_url}/rekenhulp/normenkader/#{fragment}")
    wait_ready(page, "ho")
    melding = page.locator("[data-rekenhulp-linkmelding]")
    assert "te lang voor een berekening" in melding.inner_text()
    assert melding.get_attribute("role") == "alert"
    assert page.locator("#ho-extra_ruimten").input_value() != "2"  # nothing of it applied
    # 002: the basismodule alone, 125 minutes a week.
    assert "125 minuten per week" in page.locator("[data-rekenhulp-resultaat=ho] .rh-kern").inner_text()
    watch.assert_clean()
