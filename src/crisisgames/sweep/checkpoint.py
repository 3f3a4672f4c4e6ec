"""Checkpoints of a sweep: finished chunks on disk, keyed by the sweep's specification.

A checkpoint directory holds

- ``manifest.json``: the sweep's specification, its hash and the number of points,
  written once (atomically) when the directory is created;
- one ``chunk-START-STOP.npz`` per finished chunk (points ``START`` to ``STOP - 1``),
  written to a temporary file, flushed to disk, then renamed into place;
- ``chunks.jsonl``: one line per finished chunk (range, file, SHA-256), appended and
  flushed to disk only after the chunk's file is in place.

A process killed at any moment (SIGKILL included) therefore leaves either a chunk that is
listed and whole, or one that is not listed (recomputed on resume; a torn last line of
``chunks.jsonl`` is ignored).  Chunks are ranges of points, so a resumed sweep may use
another chunk size: it computes exactly the ranges not yet covered, and no point is lost
or computed twice.  A directory of another sweep, or a listed chunk whose file is missing
or altered, is an error; nothing here ever deletes a finished chunk.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from crisisgames.errors import CheckpointError

__all__ = ["Checkpoint", "CheckpointError", "remaining_ranges"]

MANIFEST = "manifest.json"
LOG = "chunks.jsonl"


def remaining_ranges(
    size: int, finished: list[tuple[int, int]], chunk_size: int
) -> list[tuple[int, int]]:
    """The ranges of points ``[0, size)`` not covered by ``finished``, cut into chunks.

    Examples
    --------
    >>> remaining_ranges(10, [(2, 4), (6, 7)], 3)
    [(0, 2), (4, 6), (7, 10)]
    >>> remaining_ranges(5, [], 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    out = []
    cursor = 0
    for start, stop in [*sorted(finished), (size, size)]:
        for s in range(cursor, start, chunk_size):
            out.append((s, min(s + chunk_size, start)))
        cursor = max(cursor, stop)
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".tmp-{os.getpid()}-{path.name}")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Checkpoint:
    """A sweep's checkpoint directory (see the module docstring).

    Parameters
    ----------
    directory
        Created if missing.
    spec
        The sweep's specification (plain JSON data); ``spec_hash`` is its hash.
    size
        The number of points.
    resume
        Reuse the finished chunks of the same sweep.  Without it, a directory that already
        holds finished chunks is an error (nothing is overwritten or deleted).

    Raises
    ------
    CheckpointError
        The directory belongs to another sweep, holds chunks while ``resume`` is false, or
        a listed chunk's file is missing or differs from its recorded checksum.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> cp = Checkpoint(d, {"grid": [1, 2, 3]}, "abc", size=3)
    >>> cp.save(0, 2, {"x": np.arange(2)})
    >>> Checkpoint(d, {"grid": [1, 2, 3]}, "abc", size=3, resume=True).finished
    [(0, 2)]
    >>> Checkpoint(d, {"grid": [4]}, "def", size=1)
    Traceback (most recent call last):
    ...
    crisisgames.errors.CheckpointError: ... belongs to another sweep ...
    """

    def __init__(
        self,
        directory: str | Path,
        spec: Mapping[str, Any],
        spec_hash: str,
        size: int,
        *,
        resume: bool = False,
    ) -> None:
        self.directory = Path(directory)
        self.spec_hash = spec_hash
        self.size = int(size)
        self.directory.mkdir(parents=True, exist_ok=True)
        manifest = self.directory / MANIFEST
        self._records: dict[tuple[int, int], dict[str, Any]] = {}
        if manifest.exists():
            try:
                found = json.loads(manifest.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise CheckpointError(f"{manifest} is not a sweep manifest: {exc}") from None
            if found.get("spec_hash") != spec_hash:
                raise CheckpointError(
                    f"checkpoint directory {self.directory} belongs to another sweep "
                    f"(scenario {found.get('spec', {}).get('space', {}).get('scenario')!r}, "
                    f"hash {str(found.get('spec_hash'))[:12]}, this sweep's {spec_hash[:12]}); "
                    "use another directory"
                )
            self._read_log()
            if self._records and not resume:
                raise CheckpointError(
                    f"checkpoint directory {self.directory} already holds "
                    f"{len(self._records)} finished chunk(s) of this sweep; resume it "
                    "(resume=True, --resume) or use another directory"
                )
        else:
            if any(p.name.startswith("chunk-") for p in self.directory.iterdir()):
                raise CheckpointError(
                    f"{self.directory} holds chunk files but no {MANIFEST}; use another directory"
                )
            body = {"spec_hash": spec_hash, "spec": dict(spec), "size": self.size}
            _write_atomic(manifest, json.dumps(body, indent=1, sort_keys=True).encode())

    def _read_log(self) -> None:
        log = self.directory / LOG
        if not log.exists():
            return
        data = log.read_bytes()
        lines = data.split(b"\n")
        offset = 0
        for k, raw in enumerate(lines):
            line_start, offset = offset, offset + len(raw) + 1
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                start, stop = int(rec["start"]), int(rec["stop"])
            except (ValueError, KeyError, TypeError):
                if k == len(lines) - 1:
                    # A torn last line (killed while appending): that chunk is not recorded
                    # and will be recomputed; cut the fragment so the next record starts
                    # on a line of its own.
                    os.truncate(log, line_start)
                    break
                raise CheckpointError(f"{log}, line {k + 1}: not a chunk record") from None
            if not 0 <= start < stop <= self.size:
                raise CheckpointError(f"{log}, line {k + 1}: range {start}:{stop} outside sweep")
            if any(s < stop and start < e for s, e in self._records):
                raise CheckpointError(f"{log}, line {k + 1}: range {start}:{stop} overlaps")
            path = self.directory / rec["file"]
            if not path.exists():
                raise CheckpointError(f"checkpoint chunk {path} is listed but missing")
            if _sha256(path) != rec["sha256"]:
                raise CheckpointError(
                    f"checkpoint chunk {path} is corrupt (its checksum differs from {LOG}'s); "
                    "move it away (and its line in the log) to recompute those points"
                )
            self._records[(start, stop)] = rec
            if k == len(lines) - 1:  # whole, but its newline was not written
                with log.open("ab") as f:
                    f.write(b"\n")

    @property
    def finished(self) -> list[tuple[int, int]]:
        """The finished ranges, sorted."""
        return sorted(self._records)

    def load(self, start: int, stop: int) -> dict[str, np.ndarray]:
        """The arrays saved for a finished range."""
        path = self.directory / self._records[(start, stop)]["file"]
        try:
            with np.load(path, allow_pickle=False) as z:
                return {k: z[k] for k in z.files}
        except (OSError, ValueError) as exc:
            raise CheckpointError(f"checkpoint chunk {path} cannot be read: {exc}") from None

    def save(self, start: int, stop: int, arrays: Mapping[str, np.ndarray]) -> None:
        """Save a finished range, then record it (in that order: see the module docstring)."""
        name = f"chunk-{start:012d}-{stop:012d}.npz"
        buf = io.BytesIO()
        np.savez(buf, **dict(arrays))  # type: ignore[arg-type]
        data = buf.getvalue()
        _write_atomic(self.directory / name, data)
        rec = {
            "start": start,
            "stop": stop,
            "file": name,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        with (self.directory / LOG).open("ab") as f:
            f.write(json.dumps(rec, sort_keys=True).encode() + b"\n")
            f.flush()
            os.fsync(f.fileno())
        self._records[(start, stop)] = rec
