"""What every print shares: fonts, page furniture, Chinese line breaking, ruled tables and forms, bars."""
