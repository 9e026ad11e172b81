"""工作台: the start page's due list and the year and term figures."""
