#!/usr/bin/env python3
"""The same measurement as `spiegel-bench redaction`, with the Dutch de-identifier deduce as the redactor:
recall per kind on the Dutch sentences of a corpus (one sentence at a time; deduce has no export-wide
memory), partial masks and false positives per 100 sentences. deduce is a measuring stick, not a dependency:

    python3 -m venv .venv-deduce && .venv-deduce/bin/pip install deduce
    .venv-deduce/bin/python Benchmarks/redaction-deduce.py Benchmarks/redaction-corpus
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

from deduce import Deduce

PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "le", "la", "du", "da", "di", "von",
             "bin", "ben", "op", "in", "t"}


def tokens(text):
    return [t for t in re.split(r"[^\w]+", text.lower()) if t]


def outcome(secret, output):
    parts = [t for t in tokens(secret) if (len(t) >= 2 or t.isdigit()) and t not in PARTICLES]
    if not parts:
        return "masked"
    # deduce's own tags ([PERSOON-1], <PATIENT>) are not left-over text.
    left = set(tokens(re.sub(r"\[[^\[\]]*\]|<[^<>]*>", " ", output)))
    kept = sum(1 for p in parts if p in left)
    return "masked" if kept == 0 else "missed" if kept == len(parts) else "partial"


def main(folder):
    deduce = Deduce()
    per_kind, sentences, false_positives = {}, 0, 0
    for path in sorted(Path(folder).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record["lang"] != "nl":
                continue
            sentences += 1
            text = unicodedata.normalize("NFC", record["text"])
            doc = deduce.deidentify(text)
            output = doc.deidentified_text
            spans = [(a.start_char, a.end_char) for a in doc.annotations]
            planted, start = [], {}
            for pii in record["pii"]:
                secret = unicodedata.normalize("NFC", pii["text"])
                at = text.find(secret, start.get(secret, 0))
                if at >= 0:
                    start[secret] = at + len(secret)
                    planted.append((at, at + len(secret)))
                count = per_kind.setdefault(pii["kind"], {"planted": 0, "masked": 0, "partial": 0})
                count["planted"] += 1
                result = outcome(secret, output)
                if result != "missed":
                    count[result] += 1
            for begin, end in spans:
                if not any(begin < b and a < end for a, b in planted):
                    false_positives += 1
    total = {"planted": 0, "masked": 0, "partial": 0}
    print(f"deduce on {sentences} Dutch sentences of {folder}\n")
    print("| kind | planted | masked | partial | recall |\n|---|---:|---:|---:|---:|")
    for kind in sorted(per_kind):
        count = per_kind[kind]
        for key in total:
            total[key] += count[key]
        print(f"| {kind} | {count['planted']} | {count['masked']} | {count['partial']} | {100 * count['masked'] / count['planted']:.1f}% |")
    print(f"| all | {total['planted']} | {total['masked']} | {total['partial']} | {100 * total['masked'] / total['planted']:.1f}% |")
    print(f"\nfalse positives: {false_positives} ({100 * false_positives / max(sentences, 1):.2f} per 100 sentences)")


main(sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/redaction-corpus")
