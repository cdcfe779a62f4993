"""Uploaded team files, refused while they arrive once they pass the size limit.

Solara's FileDrop with lazy=False reads a whole file into memory before the app
sees it, so a 50 MB drop cost 50 MB of server memory before the 1 MB limit of
team files refused it. With lazy=True the browser sends the file only as the
server reads it: the announced size is checked first, and at most one byte
past the limit is ever read.
"""

from __future__ import annotations

from typing import Any

from lmxsim.team.teamfile import MAX_BYTES, TeamFileError


def read_upload(info: dict[str, Any], limit: int = MAX_BYTES) -> bytes:
    """The bytes of a dropped file, or a TeamFileError naming the file, its size and the limit."""
    name = info.get("name", "the file")
    too_large = f"{name}: too large for a team file (at most {limit:,} bytes)"
    size = info.get("size")
    if isinstance(size, int) and size > limit:
        raise TeamFileError(f"{name}: {size:,} bytes is too large for a team file (at most {limit:,})")
    data = info.get("data")
    if data is None:
        data = info["file_obj"].read(limit + 1)  # never more than the limit and one byte
    if len(data) > limit:
        raise TeamFileError(too_large)
    return data
