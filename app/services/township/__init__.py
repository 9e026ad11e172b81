"""The township's side: signed packages out of a village and into the township, the villages' copies, the analysis."""
