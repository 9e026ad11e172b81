"""The village's bodies besides the 两委: 村民小组, 村民代表, 群团组织, the collective economy, 党小组."""
