"""The example notebook runs from top to bottom in a fresh kernel (nbclient), and shows what it
says it shows."""

from __future__ import annotations

import pathlib

import nbformat
from nbclient import NotebookClient

NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "python" / "notebooks" / \
    "rondleiding.ipynb"


def test_the_tour_notebook_runs(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "Kraamzorg De Delta" in text and "('voorbeeldregio.xlsx', True)" in text
    assert "-8.1" in text  # the study's national middle total, EUR mln
    assert "code not in the classification table" in text  # the claims' set-aside reasons
    assert "guarantee" in text and "floor" in text  # the transition's bounds that held
    assert "Decimal('113221.19')" in text  # the quality bonuses' pool, all paid
    assert "45000.00" in text  # vp-lindehof's fixed part, reduced below its minimum
    assert "vp-ooievaar" in text.split("Decimal('113221.19')")[-1]  # the what-if on a bonus
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    # the transition's paths, the comparison's waterfall, the sector bars, the uncertainty band
    assert len(images) == 4
