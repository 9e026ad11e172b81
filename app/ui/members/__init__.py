"""The 两委成员 tab: member list, member form, posts, photos, terms, roster import."""
