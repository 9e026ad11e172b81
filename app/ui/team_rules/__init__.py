"""班子制度 tab: 党建计划, 主体责任, 学习, 值班 pages and their dialogs."""
