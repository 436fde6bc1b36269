"""`make docs`: the reference from the headers, with Doxygen's warnings (an undocumented symbol
or parameter) as errors."""
import re

from conftest import ROOT, run
from test_abi import public_functions


def test_reference_documents_every_public_function() -> None:
    run("make", "--no-print-directory", "docs")
    html = ROOT / "build" / "docs" / "html"
    assert (html / "index.html").is_file()
    text = " ".join(p.read_text(errors="replace") for p in html.glob("*.html"))
    documented = set(re.findall(r"\b(igo_\w+)\s*\(", re.sub(r"<[^>]+>", "", text)))
    assert public_functions() <= documented
