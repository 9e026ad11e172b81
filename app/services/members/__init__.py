"""两委成员: people, posts, terms, the roster's Excel and print jobs, ID and phone checks, pinyin search, team figures."""
