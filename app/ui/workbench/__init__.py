"""The 工作台 start page: the due list, the year's bars, and opening the record that settles an item."""
