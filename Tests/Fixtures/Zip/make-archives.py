#!/usr/bin/env python3
"""Writes the ZIP test archives of this folder with Python's zipfile module, and one with
Info-ZIP's zip 3.0. Run once from this folder:

    python3 make-archives.py

- descriptors.zip: written to a stream that cannot seek, so zipfile puts each entry's sizes
  and CRC in a data descriptor after the data (flag bit 3; the local header holds zeros).
- zip64.zip: zipfile with its ZIP64 threshold lowered to 0 (zipfile.ZIP64_LIMIT) and
  force_zip64, so every entry has ZIP64 sizes and offset in its local and central headers and the archive ends
  with a ZIP64 end of central directory record and locator.
- zip64-descriptors.zip: both at once (8-byte sizes in the data descriptors).
- infozip.zip: `zip -X -fd infozip.zip a.txt b.txt empty.txt` (Info-ZIP zip 3.0, -fd: data
  descriptors), from a temporary folder. (Its -fz, forced ZIP64, writes an archive that
  Info-ZIP's own unzip and Python refuse, so it is not used.)
Each holds a.txt (text, deflated), b.txt (incompressible bytes, stored or deflated) and
empty.txt.
"""
import io, os, random, shutil, subprocess, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(7)
FILES = {
    "a.txt": ("staff_id,team\n" + "".join(f"T{n:03d},team-{n % 7}\n" for n in range(400))).encode(),
    "b.txt": bytes(rng.getrandbits(8) for _ in range(3000)),
    "empty.txt": b"",
}


class Unseekable(io.RawIOBase):
    """A write-only stream without seek or tell, as a pipe is."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, chunk):
        self.data += chunk
        return len(chunk)


def write(path, stream, methods, zip64=False):
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in FILES.items():
            info = zipfile.ZipInfo(name, (2026, 12, 1, 9, 0, 0))
            info.compress_type = methods.get(name, zipfile.ZIP_DEFLATED)
            with archive.open(info, "w", force_zip64=zip64) as entry:
                entry.write(data)
    if isinstance(stream, Unseekable):
        open(path, "wb").write(stream.data)


stored_b = {"b.txt": zipfile.ZIP_STORED}
write(os.path.join(HERE, "descriptors.zip"), Unseekable(), stored_b)
limit = zipfile.ZIP64_LIMIT
zipfile.ZIP64_LIMIT = 0
write(os.path.join(HERE, "zip64.zip"), os.path.join(HERE, "zip64.zip"), stored_b, zip64=True)
write(os.path.join(HERE, "zip64-descriptors.zip"), Unseekable(), {}, zip64=True)
zipfile.ZIP64_LIMIT = limit
with tempfile.TemporaryDirectory() as folder:
    for name, data in FILES.items():
        open(os.path.join(folder, name), "wb").write(data)
    subprocess.run(["zip", "-X", "-fd", "-q", "infozip.zip", *FILES], cwd=folder,
                   check=True)
    shutil.move(os.path.join(folder, "infozip.zip"), os.path.join(HERE, "infozip.zip"))
for file in ["descriptors.zip", "zip64.zip", "zip64-descriptors.zip", "infozip.zip"]:
    with zipfile.ZipFile(os.path.join(HERE, file)) as archive:
        for info in archive.infolist():
            assert archive.read(info) == FILES[info.filename]
for name, data in FILES.items():
    open(os.path.join(HERE, name), "wb").write(data)
