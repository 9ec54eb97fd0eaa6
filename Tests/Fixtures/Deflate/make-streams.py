#!/usr/bin/env python3
"""Writes the DEFLATE test streams of this folder with zlib (Python's zlib module, zlib 1.2+):
input.bin compressed as raw DEFLATE (wbits -15) at every level 0-9 with each strategy, in
three pieces with a sync flush and a full flush between them, so every stream has several
blocks (level 0: stored blocks; Z_FIXED: fixed Huffman blocks; the others: dynamic ones, and
an empty stored block at each flush). manifest.tsv lists file, level, strategy and the type of
the first block (0 stored, 1 fixed, 2 dynamic). Run once from this folder:

    python3 make-streams.py

input.bin is made here too, from a fixed seed: roster-like CSV text, pseudo-random bytes and
long runs.
"""
import os, random, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261201)
text = "".join(
    f"T{n:04d},Person {n},Teacher of {rng.choice(['Art', 'Maths', 'English', 'Science'])},"
    f"team-{n % 37},curriculum,member\n" for n in range(90))
noise = bytes(rng.getrandbits(8) for _ in range(1500))
runs = b"a" * 1200 + b"ab" * 300 + bytes(range(256)) * 2
data = text.encode() + noise + runs + text.encode()[:2000]
open(os.path.join(HERE, "input.bin"), "wb").write(data)

strategies = {
    "default": zlib.Z_DEFAULT_STRATEGY, "filtered": zlib.Z_FILTERED,
    "huffman-only": zlib.Z_HUFFMAN_ONLY, "rle": zlib.Z_RLE, "fixed": zlib.Z_FIXED,
}
third = len(data) // 3
lines = []
for level in range(10):
    for name, strategy in strategies.items():
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy)
        stream = compressor.compress(data[:third]) + compressor.flush(zlib.Z_SYNC_FLUSH)
        stream += compressor.compress(data[third:2 * third]) + compressor.flush(zlib.Z_FULL_FLUSH)
        stream += compressor.compress(data[2 * third:]) + compressor.flush(zlib.Z_FINISH)
        assert zlib.decompress(stream, -15) == data
        file = f"level{level}-{name}.deflate"
        open(os.path.join(HERE, file), "wb").write(stream)
        lines.append(f"{file}\t{level}\t{name}\t{(stream[0] >> 1) & 3}")
open(os.path.join(HERE, "manifest.tsv"), "w").write(
    "# file\tlevel\tstrategy\tfirst block type (0 stored, 1 fixed, 2 dynamic)\n"
    + "\n".join(lines) + "\n")
