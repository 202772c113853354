"""What every exercise kind shares: instruments, errors, formatting, templates, notebook display, shared cases."""
