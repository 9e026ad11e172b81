"""会议记录: meetings and attendance rules, kinds and requirements, compliance, 四议两公开 matters."""
