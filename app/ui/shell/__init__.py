"""The program's frame: Qt application set-up, launcher, sign-in, main window, the logged-in session."""
