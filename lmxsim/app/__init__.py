"""The workshop app (Solara): one page per file, started with `lmxsim app`.

Nothing is imported here, so `lmxsim run` and friends stay fast.
"""
