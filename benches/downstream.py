#!/usr/bin/env python3
"""What depending on `endpoints` costs a downstream crate's cold build,
against progenitor, in one run.

Three scratch crates, each with one endpoint of the API (the CloudCard seed;
progenitor on its `endpoints openapi` export), each built from nothing in
a target directory of its own (debug profile), after `cargo fetch`, so no
network is needed during the timed builds:

- endpoints with default features (client, rustls, fake-server);
- endpoints with no default features (the generated types, validation and
  the wire code; no HTTP client);
- progenitor 0.15.1 with the dependencies its generated code needs.

For each: packages compiled (`Compiling` lines), wall and CPU seconds, and
peak memory of the largest process.

    python3 benches/downstream.py [--rounds R]     (default 1)
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "target" / "downstream"
sys.path.insert(0, str(Path(__file__).parent / "compile_cost"))


def crate(name, deps, lib, files=()):
    path = WORK / name
    if path.exists():
        shutil.rmtree(path)
    (path / "src").mkdir(parents=True)
    (path / "Cargo.toml").write_text(f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{deps}

[workspace]
""")
    (path / "src/lib.rs").write_text(lib)
    for rel, text in files:
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return path


def cold_build(path):
    target = path / "target"
    if target.exists():
        shutil.rmtree(target)
    subprocess.run(["cargo", "fetch", "-q"], cwd=path, check=True)
    start = time.perf_counter()
    proc = subprocess.Popen(["cargo", "build", "--offline"], cwd=path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build of {path.name} failed:\n{err[-3000:]}")
    packages = sum(1 for line in err.splitlines() if line.strip().startswith("Compiling "))
    return packages, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    spec = (ROOT / "specs/cloudcard/create_person.json").read_text()
    subprocess.run(["cargo", "build", "-q", "-p", "endpoints-cli"], cwd=ROOT, check=True)
    export = subprocess.run([str(ROOT / "target/debug/endpoints"), "openapi", "specs/cloudcard"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    openapi = subprocess.run([sys.executable, str(Path(__file__).parent / "compile_cost/openapi30.py")],
                             input=export, check=True, capture_output=True, text=True).stdout
    lib = 'endpoints::endpoint!("specs/create_person.json");\n'
    crates = {
        "endpoints (default features)": crate(
            "ds-endpoints-default", f'endpoints = {{ path = "{ROOT}" }}', lib,
            [("specs/create_person.json", spec)]),
        "endpoints (no default features)": crate(
            "ds-endpoints-minimal", f'endpoints = {{ path = "{ROOT}", default-features = false }}', lib,
            [("specs/create_person.json", spec)]),
        "progenitor 0.15.1": crate(
            "ds-progenitor", """progenitor = "=0.15.1"
progenitor-client = "=0.15.1"
reqwest = { version = "0.13", default-features = false, features = ["json", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
futures = "0.3"
bytes = "1"
""", 'progenitor::generate_api!("openapi.json");\n', [("openapi.json", openapi)]),
    }
    print(f"{'crate':<34} {'packages':>8} {'wall':>8} {'cpu':>8} {'memory':>8}")
    for _ in range(args.rounds):
        for label, path in crates.items():
            packages, wall, cpu, mem = cold_build(path)
            print(f"{label:<34} {packages:>8} {wall:>7.1f}s {cpu:>7.1f}s {mem:>7.0f}M")
            sys.stdout.flush()


main()
