#!/usr/bin/env bash
# The demo-scale PACD experiment on a CPU, headless: Table 2's MNIST row at σ = 0.25 (poison digit 8 against
# Gaussian augmentation with ε = 0.1 on a stratified 6,000-image subset, retrain GA victims from scratch on clean,
# watermarked and poisoned data, certify the same target-class test points) through `pacd-cli run`. Prints the
# table (mean ± s.d. over the seeds) on stderr and a JSON summary on stdout; about 6½ minutes on 2 cores.
# Running it again reuses what is done; Ctrl-C stops after a checkpoint and the next call resumes.
#
#   scripts/demo-attack.sh [extra pacd-cli run options, e.g. --fresh or --work DIR]
#
# CLI (default build/dev/bin/pacd-cli) picks the executable.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${CLI:-$root/build/dev/bin/pacd-cli}
exec "$cli" run --preset table2-mnist --scale demo --only "mnist σ=0.25" "$@"
