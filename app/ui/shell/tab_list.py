"""The main window's tabs, in order: each tab's module is imported when the tab is first shown.

Plain data (no Qt) so that build.spec can list these modules for the frozen program, which
cannot see an import made by name.
"""

# (module, class, tab title) in tab order; each has a property on MainWindow (``members_tab``…)
TABS = (
    ("app.ui.workbench.workbench_tab", "WorkbenchTab", "工作台"),
    ("app.ui.members.members_tab", "MembersTab", "两委成员"),
    ("app.ui.meetings.meetings_tab", "MeetingsTab", "会议记录"),
    ("app.ui.notices.notices_tab", "NoticesTab", "三公开"),
    ("app.ui.reminders.reminders_tab", "RemindersTab", "纪律提醒"),
    ("app.ui.rectification.rectification_tab", "RectificationTab", "整改台账"),
    ("app.ui.team_rules.team_rules_tab", "TeamRulesTab", "班子制度"),
)
