#!/usr/bin/env python3
"""Turns the `endpoints openapi` export (OpenAPI 3.1) into OpenAPI 3.0.3,
the version progenitor reads, for the compile-cost comparison.

    python3 openapi30.py < export.json > openapi.json

- `anyOf: [X, {"type": "null"}]` becomes X with `nullable: true`;
- a `$ref` keeps no sibling keys (3.0 ignores them, and its readers may refuse them);
- an operation with several 2xx answers gives them all the body of the
  first that has one (progenitor refuses two success types).
"""
import json
import sys


def down(node):
    if isinstance(node, list):
        return [down(v) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"$ref": node["$ref"]}
    out = {k: down(v) for k, v in node.items()}
    for key in ("anyOf", "oneOf"):
        options = out.get(key)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [o for o in options if o != {"type": "null"}]
            del out[key]
            if len(rest) == 1:
                inner = rest[0]
                if "$ref" in inner:
                    out["allOf"] = [inner]
                else:
                    out.update(inner)
            else:
                out[key] = rest
            out["nullable"] = True
    return out


def main():
    doc = down(json.load(sys.stdin))
    doc["openapi"] = "3.0.3"
    for item in doc.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            ok = [c for c in op["responses"] if c.startswith("2")]
            body = next((op["responses"][c]["content"] for c in ok if "content" in op["responses"][c]), None)
            for c in ok:
                if body is not None:
                    op["responses"][c]["content"] = body
    json.dump(doc, sys.stdout, indent=1)


main()
