"""Event stages: triggers (lexicon match), clauses, arguments (source/target), modality, and the sentence coder."""
