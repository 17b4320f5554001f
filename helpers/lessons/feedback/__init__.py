"""Notebook 04 · feedback: what surveys and complaints really tell us, and how to act on them."""
