"""Actor stages: gazetteer (data loading), recognise (mentions in tokens), resolve (roles, groups, coreference)."""
