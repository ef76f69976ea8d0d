"""Issue 20, finding 11: what goes wrong around a batch run is the person's to fix, not the project's.

An output that is a folder, a full disk, ``--encoding`` that does not fit the file or too little
memory: exit 2 and one Dutch line naming the option as it was typed. A pipe closed by the reader
(``| head``) ends quietly with 141, as Unix tools do. SIGTERM and SIGHUP leave no temporary file
with client data behind. Memory does not grow with the length of a line. The output file gets the
mode the umask gives (or keeps the mode of the file it replaces), and an output symlink stays.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from calculator import batch, cli, herindicatie

INVOER = "id,duur_maanden\n1,12\n2,3\n"


def _invoer(map_: Path, tekst: str = INVOER) -> Path:
    pad = map_ / "in.csv"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _tijdelijk(*mappen: Path) -> list[str]:
    return [p.name for m in mappen for p in m.iterdir() if p.name.startswith(".batch-")]


def _een_regel(fout: str) -> str:
    assert "Traceback" not in fout
    assert len(fout.strip().splitlines()) == 1, fout
    assert "rekenhulp zelf" not in fout, "a problem on the person's side is no fault of the project"
    return fout


def _tot(voorwaarde: Callable[[], object], proces: subprocess.Popen, seconden: float = 60) -> object:
    """Wait, within a bound, until ``voorwaarde()`` holds; the process must still be running."""
    eind = time.monotonic() + seconden
    while not (uitkomst := voorwaarde()):
        assert proces.poll() is None, f"exit {proces.returncode}: {proces.stderr and proces.stderr.read()}"
        assert time.monotonic() < eind, "waited too long"
        time.sleep(0.02)
    return uitkomst


# -- exit codes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opties", "getypt"),
    [(["-o", "{map}"], "-o"), (["--uitvoer", "{map}"], "--uitvoer"), (["-o{map}"], "-o")]
    + [(["-o", "{uit}", "--xlsx", "{map}"], "--xlsx")],
    ids=["-o", "--uitvoer", "-oMAP", "--xlsx"],
)
def test_een_map_als_uitvoer_wordt_geweigerd_voor_de_eerste_rij(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opties: list[str],
    getypt: str,
) -> None:
    """Reproduction: ``-o`` a folder computed every row and then failed with exit 1."""
    invoer = _invoer(tmp_path)
    map_ = tmp_path / "uitkomsten"
    map_.mkdir()
    rijen: list[object] = []
    echte = batch._rij
    monkeypatch.setattr(batch, "_rij", lambda *a: rijen.append(a) or echte(*a))  # type: ignore[func-returns-value]
    args = [o.format(map=map_, uit=tmp_path / "uit.csv") for o in opties]
    assert cli.main(["batch", str(invoer), *args]) == 2
    fout = _een_regel(capsys.readouterr().err)
    assert fout.startswith(f"{getypt} ") and "is een map" in fout, fout
    assert rijen == [], "refused before any row is computed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "uitkomsten"]
    assert list(map_.iterdir()) == []


def test_een_volle_schijf_bij_o(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ENOSPC while the rows are written: exit 2, the option named, no temporary file, the old file kept."""
    invoer = _invoer(tmp_path)
    doel = tmp_path / "uit.csv"
    doel.write_text("oud\n", encoding="utf-8")
    echte = batch.process

    class Vol:
        def write(self, tekst: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batch, "process", lambda invoer, uit, *a, **k: echte(invoer, Vol(), *a, **k))
    assert cli.main(["batch", str(invoer), "--uitvoer", str(doel)]) == 2
    fout = _een_regel(capsys.readouterr().err)
    assert fout.startswith("--uitvoer ") and "schijf is vol" in fout, fout
    assert doel.read_text(encoding="utf-8") == "oud\n"
    assert _tijdelijk(tmp_path) == []


@pytest.mark.parametrize(
    ("fout", "code", "melding"),
    [(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), 2, "--xlsx "), (KeyboardInterrupt(), 130, "")],
    ids=["schijf-vol", "ctrl-c"],
)
def test_een_onderbroken_xlsx_laat_niets_achter(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fout: BaseException,
    code: int,
    melding: str,
) -> None:
    """The workbook follows the CSV's rules: a failure while it is written leaves no temporary file."""
    invoer = _invoer(tmp_path)

    def werkboek(*args: object) -> None:
        raise fout

    monkeypatch.setattr(herindicatie, "werkboek", werkboek)
    args = ["batch", str(invoer), "-o", str(tmp_path / "uit.csv"), "--xlsx", str(tmp_path / "uit.xlsx")]
    assert cli.main(args) == code
    assert _een_regel(capsys.readouterr().err).startswith(melding)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "uit.csv"]


@pytest.mark.parametrize("opdracht", [["batch", "{invoer}"], ["producten"]], ids=["batch", "producten"])
def test_een_volle_schijf_op_stdout(repo: Path, tmp_path: Path, opdracht: list[str]) -> None:
    """Reproduction: ``> /dev/full`` (a real ENOSPC) was "er ging iets mis in de rekenhulp zelf"."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    invoer = _invoer(tmp_path)
    with open("/dev/full", "wb") as vol:
        r = subprocess.run(
            [sys.executable, "-m", "calculator", *(a.format(invoer=invoer) for a in opdracht)],
            cwd=repo,
            stdout=vol,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    fout = _een_regel(r.stderr.decode("utf-8"))
    assert r.returncode == 2 and "schijf is vol" in fout, fout


def test_een_gesloten_pipe_stopt_stil(repo: Path, tmp_path: Path) -> None:
    """Reproduction: ``batch ... | head`` ended in "er ging iets mis in de rekenhulp zelf", exit 1."""
    invoer = _invoer(tmp_path, "id,duur_maanden\n" + "".join(f"{i},12\n" for i in range(50_000)))
    proces = subprocess.Popen(
        [sys.executable, "-m", "calculator", "batch", str(invoer)],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proces.stdout is not None
    assert proces.stdout.readline().startswith(b"id,duur_maanden,")
    proces.stdout.close()  # what head does after its lines
    _, fout = proces.communicate(timeout=120)
    assert proces.returncode == 128 + signal.SIGPIPE
    assert fout == b"", fout


def test_encoding_die_niet_bij_het_bestand_past(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reproduction: ``--encoding utf-16`` on a file without BOM ended in exit 1 ("UTF-16 stream ...")."""
    invoer = _invoer(tmp_path)
    assert cli.main(["batch", str(invoer), "--encoding", "utf-16", "-o", str(tmp_path / "uit.csv")]) == 2
    fout = _een_regel(capsys.readouterr().err)
    assert fout.startswith("--encoding ") and "utf-16" in fout, fout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_te_weinig_geheugen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A MemoryError (a memory limit, a full machine): a Dutch line, exit 2, no temporary file."""
    invoer = _invoer(tmp_path)

    def op(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(batch, "process", op)
    assert cli.main(["batch", str(invoer), "-o", str(tmp_path / "uit.csv")]) == 2
    assert "geheugen" in _een_regel(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


# -- memory -------------------------------------------------------------------------------------------

MEET = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _kommas(pad: Path) -> None:
    with open(pad, "wb") as f:
        f.write(b"id,duur_maanden\n1,12\n" + b"," * 50_000_000 + b"\n2,12\n")


def _nullen(pad: Path) -> None:
    with open(pad, "wb") as f:
        f.write(b"id,duur_maanden\n1,12\n")
        f.truncate(100_000_000)  # a sparse tail: 100 MB of NUL bytes and no line end


@pytest.mark.parametrize("maak", [_kommas, _nullen], ids=["50-MB-kommas", "100-MB-nullen"])
def test_geheugen_groeit_niet_met_de_regel(repo: Path, tmp_path: Path, maak: Callable[[Path], None]) -> None:
    """Reproduction: 50 MB of commas on one line took 835 MB resident, 200 MB of NULs 407 MB (the
    batch itself takes about 25 MB)."""
    invoer = tmp_path / "lang.csv"
    maak(invoer)
    uit = tmp_path / "uit.csv"
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            MEET,
            sys.executable,
            "-m",
            "calculator",
            "batch",
            str(invoer),
            "-o",
            str(uit),
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    code, kb = map(int, r.stdout.split())
    mb = kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024  # ru_maxrss: KiB, on macOS bytes
    assert code == 0, r.stderr
    assert mb < 100, f"{mb:.0f} MB resident"
    rijen = uit.read_text(encoding="utf-8").splitlines()
    assert rijen[1].startswith("1,12,true,")
    assert "Rij 2: de regel is langer dan" in rijen[2] and "niet gelezen" in rijen[2]
    assert len(rijen[2]) < 500
    if maak is _kommas:
        assert rijen[3].startswith("2,12,true,") and len(rijen) == 4
    else:
        assert len(rijen) == 3


# -- signals ------------------------------------------------------------------------------------------


def _standaard_signalen() -> None:
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_een_signaal_laat_geen_tijdelijk_bestand_achter(repo: Path, tmp_path: Path, sig: int) -> None:
    """Reproduction: SIGTERM or SIGHUP left a ``.batch-*.csv.tmp`` holding client data."""
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)  # an input that goes on until the test says so: no race with a batch that ends
    uit = tmp_path / "uit"
    uit.mkdir()
    proces = subprocess.Popen(
        [sys.executable, "-m", "calculator", "batch", str(fifo), "-o", str(uit / "uit.csv")],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # The batch keeps a signal its caller ignores ignored (nohup), and a child inherits that:
        # started under nohup, as a CI job may be, SIGHUP would never reach it. The test's own
        # batch gets the default disposition, so it tests the handler, not the caller.
        preexec_fn=_standaard_signalen,
    )
    schrijver = None
    try:

        def open_schrijver() -> int | None:
            try:
                return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:  # ENXIO: the batch has not opened its input yet
                assert e.errno == errno.ENXIO
                return None

        schrijver = _tot(open_schrijver, proces)
        assert isinstance(schrijver, int)
        os.write(schrijver, b"id,duur_maanden\n" + b"1,12\n" * 1000)
        _tot(lambda: _tijdelijk(uit), proces)
        proces.send_signal(sig)
        code = proces.wait(timeout=60)
    finally:
        if schrijver is not None:
            os.close(schrijver)
        if proces.poll() is None:
            proces.kill()
            proces.wait()
    assert code == 128 + sig
    assert list(uit.iterdir()) == [], "no temporary file, no half output"


# -- mode and symlink ---------------------------------------------------------------------------------


@pytest.fixture
def umask() -> Callable[[int], None]:
    oud = os.umask(0o022)
    os.umask(oud)
    yield os.umask
    os.umask(oud)


def _modus(pad: Path) -> int:
    return stat.S_IMODE(pad.stat().st_mode)


@pytest.mark.parametrize(("masker", "modus"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_een_nieuw_bestand_volgt_de_umask(
    tmp_path: Path, umask: Callable[[int], None], masker: int, modus: int
) -> None:
    """Reproduction: the output was always 0600, whatever the umask."""
    invoer = _invoer(tmp_path)
    umask(masker)
    assert (
        cli.main(
            ["batch", str(invoer), "-o", str(tmp_path / "uit.csv"), "--xlsx", str(tmp_path / "uit.xlsx")]
        )
        == 0
    )
    assert _modus(tmp_path / "uit.csv") == modus
    assert _modus(tmp_path / "uit.xlsx") == modus


def test_een_bestaand_bestand_houdt_zijn_modus(tmp_path: Path, umask: Callable[[int], None]) -> None:
    invoer = _invoer(tmp_path)
    umask(0o022)
    for naam in ("uit.csv", "uit.xlsx"):
        (tmp_path / naam).write_text("oud\n", encoding="utf-8")
        (tmp_path / naam).chmod(0o640)
    assert (
        cli.main(
            ["batch", str(invoer), "-o", str(tmp_path / "uit.csv"), "--xlsx", str(tmp_path / "uit.xlsx")]
        )
        == 0
    )
    assert _modus(tmp_path / "uit.csv") == 0o640 and _modus(tmp_path / "uit.xlsx") == 0o640
    assert (tmp_path / "uit.csv").read_text(encoding="utf-8").startswith("id,duur_maanden,toegekend")


def test_een_symlink_als_uitvoer_blijft_staan(tmp_path: Path) -> None:
    """Reproduction: ``-o link`` replaced the symlink with a file; now its target is written."""
    invoer = _invoer(tmp_path)
    echt = tmp_path / "gedeeld"
    echt.mkdir()
    (echt / "uit.csv").write_text("oud\n", encoding="utf-8")
    (tmp_path / "uit.csv").symlink_to("gedeeld/uit.csv")
    (tmp_path / "uit.xlsx").symlink_to("gedeeld/uit.xlsx")  # a link to a file that does not exist yet
    assert (
        cli.main(
            ["batch", str(invoer), "-o", str(tmp_path / "uit.csv"), "--xlsx", str(tmp_path / "uit.xlsx")]
        )
        == 0
    )
    assert (tmp_path / "uit.csv").is_symlink() and (tmp_path / "uit.xlsx").is_symlink()
    assert (echt / "uit.csv").read_text(encoding="utf-8").startswith("id,duur_maanden,toegekend")
    assert (echt / "uit.xlsx").read_bytes().startswith(b"PK")
    assert _tijdelijk(tmp_path, echt) == []


def test_een_pipe_als_uitvoer_wordt_beschreven_niet_vervangen(repo: Path, tmp_path: Path) -> None:
    """A FIFO (or a device such as /dev/null) cannot be renamed over: it is written as it is."""
    invoer = _invoer(tmp_path)
    fifo = tmp_path / "uit.csv"
    os.mkfifo(fifo)
    lezer = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        r = subprocess.run(
            [sys.executable, "-m", "calculator", "batch", str(invoer), "-o", str(fifo)],
            cwd=repo,
            capture_output=True,
            timeout=120,
        )
        gelezen, _ = lezer.communicate(timeout=20)
    finally:
        if lezer.poll() is None:
            lezer.kill()
            lezer.wait()
    assert r.returncode == 0, r.stderr
    assert gelezen.startswith(b"id,duur_maanden,toegekend")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _tijdelijk(tmp_path) == []
