"""The ways to run the equations: the batch engine (many replications at once), the Mesa
model (LMXModel), chunked many-run tables and the executors (processes, Dask)."""
