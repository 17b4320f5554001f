"""Notebook 05 · putting it together: does treating staff well pay? The service-profit chain."""
