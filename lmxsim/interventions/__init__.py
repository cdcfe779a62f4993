"""The intervention catalogue (one entry each), the one-line spec, strength, leader hours."""
