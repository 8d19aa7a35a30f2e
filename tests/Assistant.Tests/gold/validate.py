#!/usr/bin/env python3
"""Validates the gold question files against the seed documents.

Usage: python3 tests/Assistant.Tests/gold/validate.py [--seeds DIR]
Exit code 0 when every check passes, 1 otherwise (each problem is printed).
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
DEFAULT_SEEDS = GOLD_DIR.parent.parent.parent / "seeds"  # repo root / seeds

# file name -> (id pattern, min total, min answerable, min unanswerable, min answerable per document)
QUESTION_FILES = {
    "gold.jsonl": (r"^g\d{3}$", 75, 60, 15, 10),
    "gold-holdout.jsonl": (r"^h\d{2}$", 25, 18, 7, 0),
    "gold-unseen.jsonl": (r"^u\d{2}$", 50, 36, 14, 7),
    "gold-blind.jsonl": (r"^b\d{2}$", 50, 36, 14, 6),
    "gold-fresh.jsonl": (r"^n\d{2}$", 40, 28, 12, 5),
    "gold-final.jsonl": (r"^z\d{2}$", 40, 28, 12, 5),
    "gold-last.jsonl": (r"^l\d{2}$", 40, 28, 12, 5),
    "gold-check.jsonl": (r"^c\d{2}$", 40, 28, 12, 5),
    "gold-probe.jsonl": (r"^p\d{2}$", 40, 28, 12, 5),
    "gold-extra.jsonl": (r"^e\d{2}$", 40, 28, 12, 5),
}
FOLLOWUP_FILE = ("followups.jsonl", r"^f\d{2}$", 8)
MIN_LINE_BREAK_EVIDENCE = 3
MIN_EVIDENCE_WORDS, MAX_EVIDENCE_WORDS = 3, 15
# Sentence boundaries used to decide whether an answer term sits in the evidence's sentence.
SENTENCE_END = re.compile(r"[.!?؟\n]")


def load_documents(seeds: Path) -> dict[str, str]:
    # Same decoding as the application: UTF-8, BOM removed, nothing else changed.
    return {p.name: p.read_bytes().decode("utf-8").removeprefix("\ufeff") for p in sorted(seeds.glob("*.txt"))}


def sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)]


def read_jsonl(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"{path.name}:{number}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{path.name}:{number}: not JSON ({e})")
            continue
        if not isinstance(row, dict):
            errors.append(f"{path.name}:{number}: not a JSON object")
            continue
        rows.append(row)
    return rows


def check_grounding(where: str, row: dict, docs: dict[str, str], errors: list[str], stats: Counter) -> None:
    doc, evidence, terms = row.get("doc"), row.get("evidence"), row.get("answer_terms")
    if not isinstance(evidence, list) or not isinstance(terms, list):
        errors.append(f"{where}: evidence and answer_terms must be lists")
        return
    if doc is None:
        if evidence or terms:
            errors.append(f"{where}: unanswerable (doc null) must have empty evidence and answer_terms")
        return
    if doc not in docs:
        errors.append(f"{where}: unknown doc {doc!r}")
        return
    text = docs[doc]
    if not evidence:
        errors.append(f"{where}: answerable question without evidence")
    if not 1 <= len(terms) <= 2:
        errors.append(f"{where}: expected 1-2 answer_terms, got {len(terms)}")
    sentences = []
    for ev in evidence:
        start = text.find(ev) if isinstance(ev, str) and ev else -1
        if start < 0:
            errors.append(f"{where}: evidence not a verbatim substring of {doc}: {ev!r}")
            continue
        words = len(ev.split())
        if not MIN_EVIDENCE_WORDS <= words <= MAX_EVIDENCE_WORDS:
            errors.append(f"{where}: evidence has {words} words "
                          f"(expected {MIN_EVIDENCE_WORDS}-{MAX_EVIDENCE_WORDS}): {ev!r}")
        if "\n" in ev:
            stats["line-break evidence"] += 1
        if text.count(ev) > 1:
            stats["evidence occurring more than once"] += 1
        sentences.append(sentence_around(text, start, start + len(ev)))
    for term in terms:
        if not isinstance(term, str) or not term.strip():
            errors.append(f"{where}: empty answer term")
        elif term not in text:
            errors.append(f"{where}: answer term {term!r} not in {doc}")
        elif sentences and not any(term in s for s in sentences):
            errors.append(f"{where}: answer term {term!r} not in the evidence's sentence")


def check_ids(name: str, rows: list[dict], pattern: str, seen: set[str], errors: list[str]) -> None:
    for row in rows:
        rid = row.get("id")
        if not isinstance(rid, str) or not re.match(pattern, rid):
            errors.append(f"{name}: bad id {rid!r} (expected {pattern})")
        elif rid in seen:
            errors.append(f"{name}: duplicate id {rid}")
        else:
            seen.add(rid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()
    docs = load_documents(args.seeds)
    if not docs:
        print(f"no *.txt documents in {args.seeds}")
        return 1

    errors: list[str] = []
    seen_ids: set[str] = set()
    seen_questions: set[str] = set()
    stats: Counter = Counter()

    for name, (pattern, min_total, min_answerable, min_unanswerable, min_per_doc) in QUESTION_FILES.items():
        rows = read_jsonl(GOLD_DIR / name, errors)
        check_ids(name, rows, pattern, seen_ids, errors)
        for row in rows:
            where = f"{name}:{row.get('id')}"
            if set(row) != {"id", "question", "doc", "evidence", "answer_terms"}:
                errors.append(f"{where}: keys must be id, question, doc, evidence, answer_terms; got {sorted(row)}")
            question = row.get("question")
            if not isinstance(question, str) or not question.strip():
                errors.append(f"{where}: empty question")
            elif question in seen_questions:
                errors.append(f"{where}: duplicate question")
            else:
                seen_questions.add(question)
            check_grounding(where, row, docs, errors, stats)
        answerable = [r for r in rows if r.get("doc") is not None]
        per_doc = Counter(r["doc"] for r in answerable)
        print(f"{name}: {len(rows)} questions, {len(answerable)} answerable, "
              f"{len(rows) - len(answerable)} unanswerable; per document {dict(sorted(per_doc.items()))}")
        if len(rows) < min_total or len(answerable) < min_answerable or len(rows) - len(answerable) < min_unanswerable:
            errors.append(f"{name}: needs >= {min_total} questions, >= {min_answerable} answerable, "
                          f">= {min_unanswerable} unanswerable")
        for doc in docs:
            if per_doc[doc] < min_per_doc:
                errors.append(f"{name}: only {per_doc[doc]} answerable questions on {doc} (min {min_per_doc})")

    name, pattern, expected = FOLLOWUP_FILE
    rows = read_jsonl(GOLD_DIR / name, errors)
    check_ids(name, rows, pattern, seen_ids, errors)
    for row in rows:
        where = f"{name}:{row.get('id')}"
        turns = row.get("turns")
        if not (isinstance(turns, list) and len(turns) == 2
                and all(isinstance(t, dict) and isinstance(t.get("question"), str) and t["question"].strip()
                        for t in turns)):
            errors.append(f"{where}: turns must be two objects with a non-empty question")
        if row.get("doc") is None:
            errors.append(f"{where}: follow-up conversations must be answerable")
        check_grounding(where, row, docs, errors, stats)
    print(f"{name}: {len(rows)} conversations")
    if len(rows) != expected:
        errors.append(f"{name}: expected {expected} conversations, got {len(rows)}")

    if stats["line-break evidence"] < MIN_LINE_BREAK_EVIDENCE:
        errors.append(f"only {stats['line-break evidence']} line-break-spanning evidence strings "
                      f"(min {MIN_LINE_BREAK_EVIDENCE})")
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}")

    for error in errors:
        print("ERROR", error)
    print("OK: all checks passed" if not errors else f"FAILED: {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
