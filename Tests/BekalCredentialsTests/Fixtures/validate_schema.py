#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema with the independent Python `jsonschema` package.

usage: validate_schema.py SCHEMA DOCUMENT [--embedded]
  --embedded  validate each credentialSubject.verifiableCredential[] item instead of the document itself
Exit 0 when every instance is valid, 1 with the errors otherwise, 2 on usage errors.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        schema = json.load(f)
    with open(argv[2]) as f:
        document = json.load(f)
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
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
