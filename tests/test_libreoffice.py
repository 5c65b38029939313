"""Workbooks we write are opened by LibreOffice, the program staff may use instead of Excel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import BUNDLED, require_tool

from network_app import load_workbook, write_template


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
