#!/usr/bin/env python3
"""Writes the small seed corpus in fuzz/corpus/ (committed; rerun only to change it). The checkpoint seed comes
from pacd-cli (see the end). Standard library only."""
import gzip, json, os, struct, sys, zlib

here = os.path.dirname(os.path.abspath(__file__))
def put(target, name, data):
    path = os.path.join(here, "corpus", target, name)
    with open(path, "wb") as f:
        f.write(data)

def idx(type_code, dims, payload):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload

# IDX: uint8 images [2, 3, 3], labels [2], float32 [1, 2, 2], gzip, rank 4
put("idx", "u8-images", idx(0x08, [2, 3, 3], bytes(range(18))))
put("idx", "u8-labels", idx(0x08, [2], bytes([3, 8])))
put("idx", "f32", idx(0x0D, [1, 2, 2], struct.pack(">4f", 0.0, 0.25, 0.5, 1.0)))
put("idx", "u8-gz", gzip.compress(idx(0x08, [2, 2, 2], bytes(range(8))), mtime=0))
put("idx", "u8-rank4", idx(0x08, [1, 1, 2, 2], bytes([0, 64, 128, 255])))

# CIFAR-10: one and two records (label + 3072 pixels)
record = lambda label: bytes([label]) + bytes((i * 7 + label) % 256 for i in range(3072))
put("cifar10", "one-record", record(3))
put("cifar10", "two-records", record(0) + record(9))

# Image folders: first byte = split point between the two class images (see fuzz_image_folder.cpp)
def png(width, height, gray=True):
    raw = b"".join(b"\x00" + bytes(((x + y) * 40) % 256 for x in range(width * (1 if gray else 3))) for y in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0 if gray else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
def bmp(width, height):
    row = bytes(((x * 50) % 256 for x in range(width * 3))) + b"\x00" * ((4 - width * 3 % 4) % 4)
    pixels = row * height
    return (b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54) +
            struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0) + pixels)
a, b = png(4, 4), png(4, 4, gray=False)
put("image_folder", "two-pngs", bytes([round(255 * len(a) / (len(a) + len(b)))]) + a + b)
put("image_folder", "one-png", bytes([255]) + png(3, 5))
put("image_folder", "bmp-and-png", bytes([round(255 * len(bmp(4, 4)) / (len(bmp(4, 4)) + len(a)))]) + bmp(4, 4) + a)

# Poison set: 2 bytes manifest length, manifest JSON, float32 IDX images; the hash is FNV-1a 64 over the indices
# (int64, little-endian) and the pixels (float32), as in PoisonSet::contentHash
def fnv(data, h=14695981039346656037):
    for byte in data:
        h = ((h ^ byte) * 1099511628211) % (1 << 64)
    return h
indices, pixels = [5, 11], [0.1 * i for i in range(8)]
digest = fnv(struct.pack("<%df" % len(pixels), *pixels), fnv(struct.pack("<2q", *indices)))
manifest = json.dumps({"format": "pacd-poison-set", "version": 1, "dataset": "mnist", "target_class": 8, "count": 2,
                       "image_shape": [1, 2, 2], "images": "p.images.idx", "indices": indices, "seed": 0,
                       "hash": "%016x" % digest, "config": {"epsilon": 0.1}}, indent=2).encode()
images = idx(0x0D, [2, 1, 2, 2], struct.pack(">%df" % len(pixels), *pixels))
put("poison_set", "valid", struct.pack(">H", len(manifest)) + manifest + images)

# Experiment specs
put("spec", "minimal", b'{"schema_version": 1}')
put("spec", "demo", json.dumps({"schema_version": 1, "name": "demo", "dataset": "mnist", "target": 8, "scale": "demo",
                                "poison_defense": "macer", "retrain_defense": "ga", "sigma": 0.25, "attack_sigma": 0.5,
                                "epsilon": 0.1, "subset": 6000, "hessian": "cg", "n": 1000, "seed": 7}).encode())
put("spec", "paper-cifar", json.dumps({"schema_version": 1, "dataset": "cifar10", "scale": "paper", "retrain_arch": "resnet56",
                                       "certify_sigma": None, "alpha": 0.001, "points": 500}).encode())

# Checkpoint: a logistic regression, the smallest model (a LibTorch zip archive of a few KB), written by the fuzz
# target itself:  PACD_FUZZ_WRITE_SEED=/tmp/model.pt build/asan/fuzz/fuzz_checkpoint && fuzz/make_seeds.py /tmp/model.pt
if len(sys.argv) > 1:
    with open(sys.argv[1], "rb") as f:
        put("checkpoint", "logistic", f.read())
