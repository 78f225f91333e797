#!/usr/bin/env bash
# What generated code costs the compiler, per endpoint: a crate of N
# endpoints (half PlanoCore-like, sharing the fragment; half CloudCard-like)
# is built once, then rebuilt after a touch, so the time is that crate's
# alone (macro expansion, type checking and codegen of the generated items),
# not its dependencies'. Also counts generated lines.
#
#     bash benches/build_cost.sh [N]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
n=${1:-200}
half=$((n / 2))
dir=$root/target/build-cost
rm -rf "$dir"
mkdir -p "$dir/src" "$dir/specs/planocore" "$dir/specs/cloudcard"
cp specs/planocore/common.json "$dir/specs/planocore/"
for i in $(seq 1 "$half"); do
  sed -e "s/\"name\": \"create_photographer\"/\"name\": \"create_photographer_$i\"/" \
      -e "s#/api/v1/photographers/create#/api/v1/photographers$i/create#" \
      specs/planocore/create_photographer.json > "$dir/specs/planocore/create_photographer_$i.json"
  sed -e "s/\"name\": \"create_person\"/\"name\": \"create_person_$i\"/" \
      -e "s#\"/api/people\"#\"/api/people$i\"#" \
      specs/cloudcard/create_person.json > "$dir/specs/cloudcard/create_person_$i.json"
done
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "build-cost"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
endpoints = { path = "$root", default-features = false }

[workspace]
TOML
echo 'endpoints::endpoint!("specs");' > "$dir/src/lib.rs"
cargo build -q --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
touch "$dir/src/lib.rs"
start=$(date +%s.%N)
cargo build -q --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
end=$(date +%s.%N)
cargo build -q -p endpoints-cli
lines=$(cd "$dir" && "$root/target/debug/endpoints" expand specs | wc -l)
awk -v s="$start" -v e="$end" -v n="$n" -v l="$lines" 'BEGIN {
  t = e - s
  printf "endpoints: %d\ndebug build of the crate: %.1f s (%.3f s per endpoint)\ngenerated lines: %d (%d per endpoint)\n", n, t, t / n, l, l / n
}'
