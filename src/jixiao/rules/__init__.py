"""Computations (rates, progress, scores, grades) and the check catalog."""
