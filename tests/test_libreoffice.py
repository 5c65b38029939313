"""Workbooks we write are opened by LibreOffice, the program staff may use instead of Excel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import BUNDLED, require_tool

from network_app import load_workbook, write_template
from network_app.exports import export


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    soffice = require_tool("soffice")
    profile = out_dir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         target_format, "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


@pytest.mark.parametrize("make", ["template", "bundled"])
def test_libreoffice_reads_our_workbooks_back(tmp_path, make):
    """LibreOffice converts our xlsx to ODS; reading that ODS gives the same data."""
    source = (write_template(tmp_path / "Vorlage.xlsx") if make == "template"
              else BUNDLED)
    ods = convert(source, "ods", tmp_path)
    original, round_trip = load_workbook(source), load_workbook(ods)
    assert round_trip.problems == original.problems == []
    for table in ("partners", "relations", "activities", "programmes"):
        assert round_trip.records(table) == original.records(table), table


def test_template_prints(tmp_path):
    """The template renders to PDF pages (what a person sees when printing it)."""
    pdf = convert(write_template(tmp_path / "Vorlage.xlsx"), "pdf", tmp_path)
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)


def page_texts(pdf: Path) -> list[str]:
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return text.split("\f")[:-1]  # every page ends with a form feed


def test_report_opens_with_the_picture_and_prints_on_few_pages(tmp_path):
    """The bundled report as LibreOffice prints it: the picture on page 1, the tables one page
    wide with their header on every page, ten pages in all (fourteen before the overview and
    the fitted widths)."""
    report = export("xlsx", tmp_path / "bericht.xlsx", load_workbook(BUNDLED))[0]
    pdf = convert(report, "pdf", tmp_path)
    pages = page_texts(pdf)
    assert len(pages) <= 10, len(pages)
    assert "Partnernetz stadtLABOR Soest" in pages[0] and "Rang" not in pages[0].split()
    pdfimages = require_tool("pdfimages")
    listing = subprocess.run([pdfimages, "-list", str(pdf)], check=True, capture_output=True,
                             text=True, timeout=60).stdout.splitlines()[2:]
    images = [line.split() for line in listing]
    assert [int(i[0]) for i in images] == [1]  # one picture, on the first page
    assert int(images[0][3]) >= 1500  # width in pixels: the PNG at 150 dpi
    # The picture is drawn: the first page, rendered, is far from blank.
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "first")], check=True, timeout=60)
    from PIL import Image

    first = Image.open(next(tmp_path.glob("first*.png"))).convert("L")
    dark = first.histogram()[:200]
    assert sum(dark) > 0.03 * first.width * first.height
    # Every page of a table starts with its header row; the Partner sheet's pages show the
    # first and the last printed column (one page wide), its 64 partners on two pages.
    partner_pages = [p for p in pages if p.split()[:2] == ["Name", "Kategorie"]]
    assert len(partner_pages) == 2
    assert all("Gruppenname" in p.splitlines()[0] for p in partner_pages)
    assert "Geestland" in partner_pages[0]  # rank 1 opens the list
    ties_pages = [p for p in pages if p.split()[:2] == ["Partner", "A"]]
    assert 1 <= len(ties_pages) <= 2
    assert all("Gewicht" in p.splitlines()[0] for p in ties_pages)
