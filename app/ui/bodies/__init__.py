"""Screens of the village's other bodies: 村民小组, 村民代表 and the make-up of the 村民代表会议."""
