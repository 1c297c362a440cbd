#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema with the independent Python `jsonschema` package.

usage: validate_schema.py SCHEMA DOCUMENT [--embedded]
  --embedded  validate each credentialSubject.verifiableCredential[] item instead of the document itself

Exit codes are distinct so that a validator that never ran cannot pass for a verdict:
  0   every instance is valid            (last line: "validated N instance(s) with V: 0 error(s)")
  10  at least one instance is invalid   (last line: "validated N instance(s) with V: K error(s)", K > 0)
  3   the validator could not run (jsonschema missing, unreadable schema or document)
  2   usage
Anything else (a Python crash exits 1) is not a verdict either.
"""
import json
import sys

VALID, INVALID, UNAVAILABLE, USAGE = 0, 10, 3, 2


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return USAGE
    try:
        import jsonschema
    except ImportError as error:
        print(f"validator-unavailable: {error}")
        return UNAVAILABLE
    try:
        with open(argv[1]) as f:
            schema = json.load(f)
        with open(argv[2]) as f:
            document = json.load(f)
    except (OSError, ValueError) as error:
        print(f"validator-unavailable: {error}")
        return UNAVAILABLE
    instances = [document]
    if "--embedded" in argv:
        instances = document["credentialSubject"]["verifiableCredential"]
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failures = 0
    for index, instance in enumerate(instances):
        for error in validator.iter_errors(instance):
            failures += 1
            print(f"instance {index}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
    print(f"validated {len(instances)} instance(s) with {validator_class.__name__}: {failures} error(s)")
    return VALID if failures == 0 else INVALID


if __name__ == "__main__":
    sys.exit(main(sys.argv))
