#!/usr/bin/env python3
"""What generated code costs the compiler, against progenitor, in one run.

For each N it writes a crate of N endpoints (half copies of the PlanoCore
seed spec sharing `common.json`, half of the CloudCard one) that calls
`endpoints::endpoint!("specs")`, and a crate that calls
`progenitor::generate_api!` on the same API (the `endpoints openapi`
export of those specs, turned into OpenAPI 3.0.3 by openapi30.py). The
two are measured in turn, A B A B, with their dependencies prebuilt:

- clean build: `cargo build` after `cargo clean -p` of that crate alone
  (wall and CPU seconds, peak memory of the largest process);
- check: `cargo check` after the same clean;
- rebuild: `cargo build` after `touch src/lib.rs` (incremental);
- lines: the generated code, formatted (`endpoints expand`; progenitor's
  own generator through prettyplease).

    python3 benches/compile_cost/run.py [N ...] [--rounds R]   (default: 1 50 200, 3 rounds)

With `--against REV`, a third crate is built from the same specs at git
revision REV (checked out in a worktree under target/compile-cost), and
measured in turn with the other two: what a change costs, against the same
progenitor baseline, in the same run. With `--without-builders`, a crate of
the same specs calling `endpoint!("specs", builders = false)` is measured in
turn too: what the builders cost.

Only the first run fetches crates; after that it needs no network
(cargo runs with --offline once the lock files exist).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "compile-cost"
PROGENITOR = "=0.15.1"


def target_env(cwd):
    """One target directory per tool, whatever N: dependencies build once."""
    env = dict(os.environ)
    name = Path(cwd).name if cwd is not None else None
    if name == "endpoints-nobuilders":
        # The same dependencies as `endpoints`: one target directory.
        name = "endpoints"
    if name in ("endpoints", "progenitor", "endpoints-base"):
        env["CARGO_TARGET_DIR"] = str(WORK / f"target-{name}")
    return env


def sh(cmd, cwd=None, env=None, capture=False):
    env = env or target_env(cwd)
    r = subprocess.run(cmd, cwd=cwd, env=env, text=True,
                       stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{r.stderr[-4000:]}")
    return r.stdout


def timed(cmd, cwd):
    """Wall seconds, CPU seconds (user + sys of cargo and everything it
    waited for) and peak RSS in MiB of the largest of those processes."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=target_env(cwd),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def specs(n, into, root=ROOT):
    if into.exists():
        shutil.rmtree(into)
    (into / "planocore").mkdir(parents=True)
    (into / "cloudcard").mkdir(parents=True)
    shutil.copy(root / "specs/planocore/common.json", into / "planocore")
    plano = (root / "specs/planocore/create_photographer.json").read_text()
    card = (root / "specs/cloudcard/create_person.json").read_text()
    # N = 1 is one PlanoCore endpoint.
    halves = (n - n // 2, n // 2)
    for i in range(1, halves[0] + 1):
        (into / f"planocore/create_photographer_{i}.json").write_text(
            plano.replace('"name": "create_photographer"', f'"name": "create_photographer_{i}"')
            .replace("/api/v1/photographers/create", f"/api/v1/photographers{i}/create"))
    for i in range(1, halves[1] + 1):
        (into / f"cloudcard/create_person_{i}.json").write_text(
            card.replace('"name": "create_person"', f'"name": "create_person_{i}"')
            .replace('"/api/people"', f'"/api/people{i}"'))


def endpoints_crate(crate, name, root, n, args=""):
    specs(n, crate / "specs", root)
    write(crate / "Cargo.toml", f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
endpoints = {{ path = "{root}", default-features = false }}

[workspace]
""")
    write(crate / "src/lib.rs", f'endpoints::endpoint!("specs"{args});\n')


def crates(n, cli, base_root=None, without_builders=False):
    base = WORK / f"n{n}"
    ep, pg = base / "endpoints", base / "progenitor"
    endpoints_crate(ep, "cost-endpoints", ROOT, n)
    if base_root is not None:
        endpoints_crate(base / "endpoints-base", "cost-endpoints-base", base_root, n)
    if without_builders:
        endpoints_crate(base / "endpoints-nobuilders", "cost-endpoints-nobuilders", ROOT, n,
                        ", builders = false")
    export = sh([cli, "openapi", "--title", "Cost", "specs"], cwd=ep, capture=True)
    r = subprocess.run([sys.executable, str(Path(__file__).parent / "openapi30.py")],
                       input=export, capture_output=True, text=True, check=True)
    openapi = r.stdout
    write(pg / "openapi.json", openapi)
    write(pg / "Cargo.toml", f"""[package]
name = "cost-progenitor"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
progenitor = "{PROGENITOR}"
progenitor-client = "=0.15.1"
reqwest = {{ version = "0.13", default-features = false, features = ["json", "stream", "rustls"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
uuid = {{ version = "1", features = ["serde"] }}
futures = "0.3"
bytes = "1"
regress = "0.10"

[workspace]
""")
    write(pg / "src/lib.rs", 'progenitor::generate_api!("openapi.json");\n')
    return ep, pg


def lines_tool():
    """A small program that prints progenitor's output for a document,
    formatted, so both sides' lines are counted the same way."""
    tool = WORK / "progenitor-lines"
    write(tool / "Cargo.toml", f"""[package]
name = "progenitor-lines"
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
    let text = std::fs::read_to_string(path).unwrap();
    let spec: openapiv3::OpenAPI = serde_json::from_str(&text).unwrap();
    let tokens = progenitor::Generator::default().generate_tokens(&spec).unwrap();
    let file: syn::File = syn::parse2(tokens).unwrap();
    print!("{}", prettyplease::unparse(&file));
}
""")
    sh(["cargo", "build", "-q", "--release"], cwd=tool)
    return tool / "target/release/progenitor-lines"


def measure(crate, name):
    sh(["cargo", "clean", "-q", "-p", name], cwd=crate)
    check = timed(["cargo", "check", "-q"], crate)
    sh(["cargo", "clean", "-q", "-p", name], cwd=crate)
    build = timed(["cargo", "build", "-q"], crate)
    os.utime(crate / "src/lib.rs")
    rebuild = timed(["cargo", "build", "-q"], crate)
    return {"build": build, "check": check, "rebuild": rebuild}


def against(n, runs, other, labels, ep_lines, other_lines):
    """Prints the endpoints crate against another of the same run, row by
    row, with the other's ratio to progenitor."""
    picks = (("build", lambda r: r["build"][0]), ("cpu", lambda r: r["build"][1]),
             ("memory", lambda r: r["build"][2]), ("check", lambda r: r["check"][0]),
             ("rebuild", lambda r: r["rebuild"][0]))
    mine, theirs = labels
    for what, pick in picks:
        now = statistics.median(pick(r) for r in runs["endpoints"])
        was = statistics.median(pick(r) for r in runs[other])
        base = statistics.median(pick(r) for r in runs["progenitor"])
        print(f"{n:>5} {what:<8} {now:>10.1f} {mine} {was:>10.1f} {theirs} {now / was:>5.2f}x"
              f"  ({theirs} ÷ progenitor {was / base:.2f}x)")
    print(f"{n:>5} {'lines':<8} {ep_lines / n:>10.0f} {mine} {other_lines / n:>10.0f} {theirs}"
          f" {ep_lines / other_lines:>5.2f}x (per endpoint)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="*", type=int, default=[1, 50, 200])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", metavar="REV",
                    help="also measure the endpoints crate at this git revision")
    ap.add_argument("--without-builders", action="store_true",
                    help="also measure the crate with `builders = false`")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    sh(["cargo", "build", "-q", "-p", "endpoints-cli"], cwd=ROOT)
    cli = str(ROOT / "target/debug/endpoints")
    base_root = base_cli = None
    if args.against:
        rev = sh(["git", "rev-parse", "--short", args.against], cwd=ROOT, capture=True).strip()
        base_root = WORK / f"rev-{rev}"
        if not base_root.exists():
            sh(["git", "worktree", "add", "-q", "--detach", str(base_root), rev], cwd=ROOT)
        env = dict(os.environ, CARGO_TARGET_DIR=str(WORK / "target-base-cli"))
        sh(["cargo", "build", "-q", "-p", "endpoints-cli"], cwd=base_root, env=env)
        base_cli = str(WORK / "target-base-cli/debug/endpoints")
        print(f"base: {args.against} ({rev}), measured in turn with the others")
    counter = lines_tool()
    print(f"{'N':>5} {'what':<8} {'endpoints':>24} {'progenitor':>24} {'ratio':>6}")
    print(f"{'':>5} {'':<8} {'(median; min-max)':>24}")
    for n in args.n:
        ep, pg = crates(n, cli, base_root, args.without_builders)
        tools = [("endpoints", ep, "cost-endpoints"), ("progenitor", pg, "cost-progenitor")]
        if base_root is not None:
            tools.append(("base", ep.parent / "endpoints-base", "cost-endpoints-base"))
        if args.without_builders:
            tools.append(("nobuilders", ep.parent / "endpoints-nobuilders",
                          "cost-endpoints-nobuilders"))
        # Dependencies first, so each figure below is the crate's own.
        for _, crate, _ in tools:
            sh(["cargo", "build", "-q"], cwd=crate)
            sh(["cargo", "check", "-q"], cwd=crate)
        runs = {tool: [] for tool, _, _ in tools}
        for _ in range(args.rounds):
            for tool, crate, name in tools:
                runs[tool].append(measure(crate, name))
        ep_lines = sh([cli, "expand", "specs"], cwd=ep, capture=True).count("\n")
        pg_lines = sh([str(counter), "openapi.json"], cwd=pg, capture=True).count("\n")

        def row(what, pick, unit, fmt):
            cells = []
            meds = []
            for tool in ("endpoints", "progenitor"):
                xs = [pick(r) for r in runs[tool]]
                med = statistics.median(xs)
                meds.append(med)
                cells.append(f"{fmt(med)}{unit} ({fmt(min(xs))}-{fmt(max(xs))})")
            print(f"{n:>5} {what:<8} {cells[0]:>24} {cells[1]:>24} {meds[0] / meds[1]:>5.2f}x")

        one = lambda v: f"{v:.1f}"  # noqa: E731
        whole = lambda v: f"{v:.0f}"  # noqa: E731
        row("build", lambda r: r["build"][0], "s", one)
        row("cpu", lambda r: r["build"][1], "s", one)
        row("memory", lambda r: r["build"][2], "M", whole)
        row("check", lambda r: r["check"][0], "s", one)
        row("rebuild", lambda r: r["rebuild"][0], "s", one)
        print(f"{n:>5} {'lines':<8} {ep_lines:>10} ({ep_lines / n:.0f}/ep) {pg_lines:>12} ({pg_lines / n:.0f}/ep) {ep_lines / pg_lines:>5.2f}x")
        if args.without_builders:
            nb_lines = sh([cli, "expand", "--no-builders", "specs"], cwd=ep, capture=True).count("\n")
            print(f"{n:>5} endpoints with builders against `builders = false`:")
            against(n, runs, "nobuilders", ("with", "without"), ep_lines, nb_lines)
        if base_root is not None:
            base_lines = sh([base_cli, "expand", "specs"], cwd=ep.parent / "endpoints-base",
                            capture=True).count("\n")
            print(f"{n:>5} endpoints now against the base ({args.against}):")
            against(n, runs, "base", ("now", "base"), ep_lines, base_lines)
        sys.stdout.flush()


main()
