#!/usr/bin/env python3
"""Writes arabic-presentation-forms.tsv: each Arabic presentation form (U+FB50–FDFF, U+FE70–FEFC) with its NFKC
form, from Python's Unicode database. The .NET runtime here runs with invariant globalization, whose string
normalisation leaves non-ASCII text alone, so ExtractedText folds these letters with this table."""
import pathlib
import sys
import unicodedata

rows = []
for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFD)):
    char = chr(code)
    if unicodedata.category(char) == "Cn":
        continue
    folded = unicodedata.normalize("NFKC", char)
    if folded != char:
        rows.append(f"{code:04X}\t{' '.join(f'{ord(c):04X}' for c in folded)}")
target = pathlib.Path(__file__).with_name("arabic-presentation-forms.tsv")
target.write_text(f"# Unicode {unicodedata.unidata_version}: presentation form, then its NFKC form (code points)\n" + "\n".join(rows) + "\n", encoding="utf-8")
print(f"{len(rows)} forms written to {target.name}", file=sys.stderr)
