"""Files in and out: safe output, folder locks, limits, input rules, provenance, packaged files.

The lowest layer with texts/: it imports nothing else of lmxsim."""
