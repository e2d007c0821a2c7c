"""Pure parsing functions: amounts, hedges, periods. No spaCy, no reference data."""
