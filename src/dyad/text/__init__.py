"""Text stages: language identification, sentences and tokens with offsets, lemmas."""
