"""The strategy lab: strategies, plans, robustness, the report, its figures and tables, twins."""
