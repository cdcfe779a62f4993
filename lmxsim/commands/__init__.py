"""One module per `lmxsim` sub-command."""
