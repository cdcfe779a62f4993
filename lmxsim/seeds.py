"""The largest seed lmxsim hands out or accepts: below 2**53, so a seed survives any table.

pandas turns a row of mixed columns into float64 (`frame.iloc[i]`), R reads integers
above 2**31 as doubles, Excel keeps 15 digits, and JSON readers in JavaScript use
doubles: each of them changes an integer above 2**53 without a word, and a changed seed
redoes a different run. Every seed lmxsim writes (sweep `seed` columns, provenance)
and every seed a user may give (`--seed`, a config's `seed`) stays at or below MAX_SEED.
"""

from __future__ import annotations

MAX_SEED = 2**53 - 1
SEED_BITS = 53
