"""Times Cohen et al.'s Smooth.certify (locuslab/smoothing, code/core.py) on our MNIST CNN; run it through
cohen-reference.sh, which finds or clones their checkout. Their code is imported from that checkout, never copied."""
import argparse
import gzip
import hashlib
import importlib.util
import os
import platform
import subprocess
import sys
import textwrap
import time

CAVEAT = ("It measures their Python code under this interpreter's PyTorch (Debian 12: python3-torch 1.13) on this "
          "CPU, with one change made from outside: their noise is drawn on the input's device instead of the "
          "hard-coded 'cuda'. The figure is for this machine only; measure again after changing CPU, load or torch.")


def parse_args():
    p = argparse.ArgumentParser(
        prog="cohen-reference.sh", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Samples/s of Cohen et al.'s Smooth.certify (locuslab/smoothing code/core.py, imported from a\n"
                    "checkout, never copied) on the MNIST CNN of core/models/mnist_cnn.cpp, untrained (cost does not\n"
                    "depend on weights), N0 100, alpha 0.001: K*(N0+N) / seconds of K certify calls after one warm-up.\n"
                    "Paste the last line's figure into `pacd-bench certify --reference`. Without --smoothing the\n"
                    "checkout is cloned into ${XDG_CACHE_HOME:-~/.cache}/pacd-studio/smoothing. PYTHON=... picks the\n"
                    "interpreter (default Debian's /usr/bin/python3, which sees python3-torch).",
        epilog="\n".join(textwrap.wrap(CAVEAT, 110)))
    p.add_argument("--points", type=int, default=5, metavar="K", help="test points to certify (default 5)")
    p.add_argument("--n", type=int, default=10000, metavar="N", help="estimation samples per point (default 10000)")
    p.add_argument("--batch", type=int, default=1000, metavar="B", help="their batch_size (default 1000)")
    p.add_argument("--sigma", type=float, default=0.25, metavar="S", help="noise level (default 0.25)")
    p.add_argument("--threads", type=int, default=0, metavar="T", help="torch threads (default 0: every usable core)")
    p.add_argument("--smoothing", required=True, metavar="DIR", help="locuslab/smoothing checkout")
    p.add_argument("--mnist", metavar="DIR", help="folder with t10k-images-idx3-ubyte[.gz]: real test images, "
                   "not random ones")
    return p.parse_args()


def load_cohen_core(checkout):
    path = os.path.join(checkout, "code", "core.py")
    if not os.path.isfile(path):
        sys.exit(f"cohen-reference: {path} not found; is --smoothing a locuslab/smoothing checkout?")
    import scipy.stats
    if not hasattr(scipy.stats, "binom_test"):
        # SciPy >= 1.12 dropped binom_test, which their module imports (only predict() uses it).
        scipy.stats.binom_test = lambda k, n, p: scipy.stats.binomtest(k, n, p).pvalue
    spec = importlib.util.spec_from_file_location("cohen_core", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, path


def cpu_noise(module):
    # _sample_noise asks for device='cuda'; on a CPU-only torch that raises. Hand their module a torch whose
    # randn_like draws on the input's device, so their code runs unmodified and does the same work.
    import torch

    class TorchOnInputDevice:
        def __getattr__(self, name):
            return getattr(torch, name)

        @staticmethod
        def randn_like(t, device=None, **kw):
            return torch.randn_like(t, **kw)

    module.torch = TorchOnInputDevice()


def mnist_cnn():
    import torch.nn as nn
    # core/models/mnist_cnn.cpp; no normalisation layer (defaultModelSpec gives MNIST none) and dropout is a
    # no-op in eval mode, which Smooth.certify switches to, so both are left out.
    return nn.Sequential(nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(20, 50, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, 10))


def test_images(folder, count):
    import numpy as np
    import torch
    for name, opener in (("t10k-images-idx3-ubyte", open), ("t10k-images-idx3-ubyte.gz", gzip.open)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with opener(path, "rb") as f:
                raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
            images = torch.from_numpy(raw.reshape(-1, 1, 28, 28)[:count].astype(np.float32) / 255.0)
            return images, f"MNIST test images 0..{count - 1} ({path})"
    sys.exit(f"cohen-reference: no t10k-images-idx3-ubyte[.gz] in {folder}")


def commit_of(checkout):
    if not os.path.exists(os.path.join(checkout, ".git")):  # else git would name an enclosing repository's commit
        return "unknown (not a git checkout)"
    try:
        return subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            return next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown"


def main():
    args = parse_args()
    import torch  # after argparse, so --help works without torch
    core, core_path = load_cohen_core(args.smoothing)
    cpu_noise(core)
    threads = args.threads or len(os.sched_getaffinity(0))
    torch.set_num_threads(threads)  # Debian's torch starts with 1 thread here; our bench uses every core
    torch.manual_seed(0)
    n0, alpha = 100, 0.001
    if args.mnist:
        images, inputs = test_images(args.mnist, args.points)
    else:
        images, inputs = torch.rand(args.points, 1, 28, 28), "random uniform images in [0, 1]"
    smooth = core.Smooth(mnist_cnn(), 10, args.sigma)

    load_before = os.getloadavg()
    smooth.certify(images[0], n0, args.n, alpha, args.batch)  # warm-up: oneDNN primitives, allocator
    rows, total = [], 0.0
    for i in range(args.points):
        start = time.perf_counter()
        label, radius = smooth.certify(images[i], n0, args.n, alpha, args.batch)
        seconds = time.perf_counter() - start
        total += seconds
        rows.append((i, label, radius, seconds))
    load_after = os.getloadavg()
    rate = args.points * (n0 + args.n) / total

    with open(core_path, "rb") as f:
        core_hash = hashlib.sha256(f.read()).hexdigest()[:16]
    print(f"reference   locuslab/smoothing {commit_of(args.smoothing)}, code/core.py sha256 {core_hash}")
    print(f"python      {platform.python_version()} ({sys.executable}), torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, {cpu_name()}")
    print(f"setup       mnist-cnn (untrained, seed 0), {inputs}, sigma {args.sigma}, N0 {n0}, N {args.n}, "
          f"alpha {alpha}, batch {args.batch}")
    print(f"load avg    {' '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' '.join(f'{x:.2f}' for x in load_after)} after (1, 5, 15 min)")
    print(f"{'point':>5}  {'class':>5}  {'radius':>8}  {'seconds':>8}  {'samples/s':>10}")
    for i, label, radius, seconds in rows:
        print(f"{i:>5}  {label:>5}  {radius:>8.4f}  {seconds:>8.3f}  {(n0 + args.n) / seconds:>10.0f}")
    print(f"{'all':>5}  {'':>5}  {'':>8}  {total:>8.3f}  {rate:>10.0f}")
    print(CAVEAT)
    print(f"cohen_reference_samples_per_s {rate:.0f}")


if __name__ == "__main__":
    main()
