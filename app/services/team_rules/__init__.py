"""The team's own rules: 年度党建计划, 主体责任清单 and 责任书, 学习制度, 值班制度."""
