"""Members, team files (csv, xlsx, toml; en/nl), presets and the claims their stories make."""
