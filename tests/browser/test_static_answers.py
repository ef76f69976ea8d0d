"""Static answers (browser/static_answers.py): every precomputed answer is the live answer.

For every combination of the resident's form, the answer the build wrote equals, byte for
byte, what the core answers live on Pyodide (under Node, from the very files the site ships)
for the same input today; and for every period of the table, with the period's first day as
peildatum. The enumeration itself is checked against formulier.js in tests/e2e/test_delivery.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from browser import form_space, static_answers
from calculator import clock
from tests.browser.helpers import run_in_pyodide
from tests.e2e.conftest import site_dir  # noqa: F401 - the built site, as a fixture


def tables(site: Path) -> list[tuple[Path, dict]]:
    folder = site / static_answers.FOLDER
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def fill(template: str, day: str, placeholder: str) -> str:
    return template.replace(placeholder, day)


def test_the_resident_page_has_a_table_and_the_others_run_live(site_dir: Path) -> None:  # noqa: F811
    pages = {
        p.parent.name: p.read_text(encoding="utf-8") for p in (site_dir / "rekenhulp").glob("*/index.html")
    }
    assert static_answers.MARKER not in pages["pgb-budget"]
    assert "antwoorden/pgb-budget-" in pages["pgb-budget"]
    # The consultant's and the budget page have open-ended fields: the live core answers there.
    assert static_answers.MARKER in pages["normenkader"] and static_answers.MARKER in pages["budget"]
    found = tables(site_dir)
    assert {p.name.split("-")[0] for p, _ in found} == {"pgb"}
    # In parts of about a megabyte, each key in the part that part_of names (python.js agrees:
    # tests/e2e/test_delivery.py finds every state of the form through it).
    assert all(len(p.read_bytes()) < 2 * static_answers.PART_BYTES for p, _ in found)
    for path, table in found:
        n, i = len(found), int(path.stem.rsplit("-", 1)[1])
        for soort, vorm in table["soorten"].items():
            for periode in vorm["perioden"]:
                assert {static_answers.part_of(soort, k, n) for k in periode["antwoorden"]} <= {i}


def test_every_precomputed_answer_equals_the_live_answer_on_pyodide(site_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    today = clock.today().isoformat()
    cases: list[tuple[str, str]] = []
    expected: list[str] = []
    for _, table in tables(site_dir):
        for soort, vorm in table["soorten"].items():
            current = [
                p
                for p in vorm["perioden"]
                if (p["van"] or "") <= today and (not p["tot"] or today < p["tot"])
            ]
            assert current, "no period of the table holds today"
            for key, index in current[0]["antwoorden"].items():
                # As the page asks: no peildatum, so the core takes today.
                cases.append((soort, key))
                expected.append(fill(vorm["uitkomsten"][index], today, vorm["datum"]))
            for periode in vorm["perioden"]:
                day = max(periode["van"] or today, today) if periode is current[0] else periode["van"]
                for key, index in periode["antwoorden"].items():
                    invoer = {**json.loads(key), "peildatum": day}
                    cases.append((soort, json.dumps(invoer)))
                    expected.append(fill(vorm["uitkomsten"][index], day, vorm["datum"]))
    live = run_in_pyodide(site_dir, cases, tmp_path, timeout=900)["answers"]
    assert len(live) == len(expected)
    wrong = [(c, e[:200], a[:200]) for c, e, a in zip(cases, expected, live, strict=True) if e != a]
    assert not wrong, f"{len(wrong)} of {len(cases)} differ, first: {wrong[0]}"


FORM = """
<form data-soort="advies" id="advies">
  <fieldset data-toon-als="a=ja"><input type="radio" name="b" value="ja" data-type="jn">
    <input type="radio" name="b" value="nee" data-type="jn" checked></fieldset>
  <input type="radio" name="a" value="ja" data-type="jn" checked>
  <input type="radio" name="a" value="nee" data-type="jn">
  <select name="was" data-type="tekst"><option value="geen">Nee</option>
    <option value="1_persoon">Ja</option></select>
  <div data-toon-als="was=1_persoon"><input type="checkbox" name="strijken" data-type="vinkje"></div>
  <div hidden><input type="checkbox" name="nooit" data-type="vinkje"></div>
  <template><input type="text" name="sjabloon"></template>
</form>
"""


def test_the_input_space_follows_the_rendered_form() -> None:
    [(form, form_id, soort)] = form_space.forms(FORM)
    assert (form_id, soort) == ("advies", "advies") and form is not None
    keys = {form_space.key(i) for i in form_space.inputs(form)}
    # b only while a=ja; strijken only while was=1_persoon; the always-hidden field never.
    assert keys == {
        form_space.key(i)
        for i in [
            {"a": True, "b": True, "was": "geen"},
            {"a": True, "b": False, "was": "geen"},
            {"a": False, "was": "geen"},
            {"a": True, "b": True, "was": "1_persoon", "strijken": True},
            {"a": True, "b": True, "was": "1_persoon", "strijken": False},
            {"a": True, "b": False, "was": "1_persoon", "strijken": True},
            {"a": True, "b": False, "was": "1_persoon", "strijken": False},
            {"a": False, "was": "1_persoon", "strijken": True},
            {"a": False, "was": "1_persoon", "strijken": False},
        ]
    }


@pytest.mark.parametrize(
    "field",
    [
        '<input type="text" name="n" data-type="int">',
        '<input type="date" name="peildatum" data-type="datum">',
        '<div data-lijst="kinderen"></div>',
    ],
)
def test_a_form_with_an_open_field_is_left_to_the_live_core(field: str) -> None:
    [(form, _, _)] = form_space.forms(f'<form data-soort="ho" id="ho">{field}</form>')
    assert form is None


def test_periods_end_where_a_value_of_the_bundle_changes_or_a_year_starts() -> None:
    bundle = {"a": {"waarden": [{"vanaf": "2026-01-01"}, {"vanaf": "2027-01-01"}]}, "b": "2025-07-01"}
    assert static_answers.periods(bundle, dt.date(2026, 11, 28)) == [
        ("2026-01-01", "2027-01-01"),
        ("2027-01-01", "2028-01-01"),
    ]
    assert static_answers.periods(bundle, dt.date(2025, 3, 1)) == [
        ("2025-01-01", "2025-07-01"),
        ("2025-07-01", "2026-01-01"),
    ]
    # Past the bundle's last date, a year still ends a period: the waarschuwingen name the year.
    assert static_answers.periods(bundle, dt.date(2030, 6, 1)) == [
        ("2030-01-01", "2031-01-01"),
        ("2031-01-01", "2032-01-01"),
    ]
