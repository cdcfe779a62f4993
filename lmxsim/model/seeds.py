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


def run_seed(entropy: int, point: int, replication: int) -> int:
    """The seed of one run: a 53-bit integer from SeedSequence(entropy, spawn_key=(point, replication)).

    An integer rather than the SeedSequence itself, so one run can be redone with
    `LMXModel(rng=seed)` or `lmxsim run --seed SEED` from the number in the table; 53 bits,
    so the number survives pandas, R, Excel and JSON unchanged.
    """
    import numpy as np  # here, not at the top: the CLI reads MAX_SEED before any command runs

    state = np.random.SeedSequence(entropy, spawn_key=(point, replication)).generate_state(1, np.uint64)
    return int(state[0] >> np.uint64(64 - SEED_BITS))
