"""Seeded random streams, so the dataset is the same on every run and at every scale."""

import random

SEED = 20261121


def random_stream(stream: str) -> random.Random:
    # One independent stream per kind of row, so adding rows of one kind (a larger scale) leaves
    # the rows of every other kind exactly as they were.
    return random.Random(f"{SEED}:{stream}")


def weighted_choice(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]
