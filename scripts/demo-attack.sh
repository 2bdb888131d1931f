#!/usr/bin/env bash
# The demo-scale PACD experiment on 2 CPU cores: poison MNIST digit 8 against Gaussian augmentation (σ = 0.25,
# ε = 0.1) on a stratified subset, retrain GA victims from scratch on clean, watermarked and poisoned data with
# the same seed, and certify the same target-class test points. Prints one JSON line per victim; a few minutes
# on a 2-core laptop (5.4 minutes for two seeds here).
#
#   scripts/demo-attack.sh [OUT_DIR] [SEED...]        (defaults: /tmp/pacd-demo, seed 0)
#
# Knobs (environment): SUBSET (6000), ATTACK_EPOCHS (8), TRAIN_EPOCHS (8), POINTS (100), N (1000), HESSIAN
# (first-order), CLEAN_BATCH (180), POISON_BATCH (20), VAL_BATCH (50), K (8), CLI (build/dev/bin/pacd-cli).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-/tmp/pacd-demo}; shift || true
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(0)
cli=${CLI:-$root/build/dev/bin/pacd-cli}
subset=${SUBSET:-6000}
mkdir -p "$out"

# The figures of a certify result worth a line: ACR, ACA, mean pA, fraction at the radius cap.
summary() {
  local json=$1 key parts=()
  for key in acr aca mean_pa_estimate fraction_at_cap radius_cap; do
    parts+=("\"$key\": $(grep -m1 "^  \"$key\":" "$json" | sed 's/.*: //; s/,$//')")
  done
  (IFS=,; echo "${parts[*]}")
}
say() { echo "demo-attack: $*" >&2; }

say "poisoning digit 8 of a $subset-image MNIST subset (GA, sigma 0.25, eps 0.1); progress below"
"$cli" poison --dataset mnist --target 8 --defense ga --sigma 0.25 --eps 0.1 --subset "$subset" \
  --epochs "${ATTACK_EPOCHS:-8}" --hessian "${HESSIAN:-first-order}" --clean-batch "${CLEAN_BATCH:-180}" \
  --poison-batch "${POISON_BATCH:-20}" --val-batch "${VAL_BATCH:-50}" --k "${K:-8}" --out "$out/poison.json" > "$out/poison.result.json"
"$cli" baseline --kind watermark --dataset mnist --target 8 --eps 0.1 --subset "$subset" --out "$out/watermark.json" > /dev/null

for seed in "${seeds[@]}"; do
  for data in clean watermark poison; do
    poison=(); [ "$data" = clean ] || poison=(--poison "$out/$data.json")
    say "seed $seed: training a GA victim on $data data, then certifying ${POINTS:-100} test points of digit 8"
    "$cli" train --dataset mnist --method ga --sigma 0.25 --epochs "${TRAIN_EPOCHS:-8}" --subset "$subset" "${poison[@]}" \
      --seed "$seed" --target-class -1 --out "$out/$data-$seed.pt" > "$out/$data-$seed.train.json"
    "$cli" certify --model "$out/$data-$seed.pt" --dataset mnist --class 8 --count "${POINTS:-100}" --n0 100 --n "${N:-1000}" \
      --alpha 0.001 --out "$out/$data-$seed.tsv" > "$out/$data-$seed.certify.json"
    printf '{"data": "%s", "seed": %s, %s}\n' "$data" "$seed" "$(summary "$out/$data-$seed.certify.json")"
  done
done
