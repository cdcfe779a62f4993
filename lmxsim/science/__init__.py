"""Facts from the literature, validation against them."""
