"""What the model is: parameters, the equations and the weekly schedule, measures, instruments."""
