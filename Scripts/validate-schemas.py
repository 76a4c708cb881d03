#!/usr/bin/env python3
# Validates a journal (manifest and entries) and bundles against docs/schema/.
# Usage: Scripts/validate-schemas.py docs/schema JOURNAL_DIR [BUNDLE.json ...]
import json, sys, pathlib, glob
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
base = pathlib.Path(sys.argv[1])
schemas = {p.name: json.load(open(p)) for p in base.glob("*.schema.json")}
registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
def check(schema, path):
    v = Draft202012Validator(schemas[schema], registry=registry)
    errs = list(v.iter_errors(json.load(open(path))))
    for e in errs[:3]: print(path, list(e.path), e.message)
    return not errs
ok = True
j = sys.argv[2]
ok &= check("manifest.schema.json", j + "/journal.json")
for f in glob.glob(j + "/entries/*.json"): ok &= check("entry.schema.json", f)
for f in sys.argv[3:]: ok &= check("bundle.schema.json", f)
print("valid" if ok else "INVALID"); sys.exit(0 if ok else 1)
