#!/usr/bin/python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema with Debian's
python3-jsonschema.  Usage: validate_sarif.py SCHEMA FILE...; exit 0 when
every file is valid, 1 otherwise (the errors on stderr)."""
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
status = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = list(validator.iter_errors(log))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    if errors:
        status = 1
sys.exit(status)
