"""Exit codes of the headless commands: 0 done, 1 a check failed, 2 the user must change something."""

EXIT_OK, EXIT_FAILED, EXIT_USER_ERROR = 0, 1, 2
