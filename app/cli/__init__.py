"""The command line: argument parsing (the window by default) and the headless commands, one module per area."""
