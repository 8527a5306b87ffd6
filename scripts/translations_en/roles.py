"""English for role and permission names (ui.i18n.role_name / perm_name)."""
EN = {
    "前台": "Front desk",
    "会计": "Accountant",
    "审计": "Auditor",
    "打印和导出": "Print and export",
    "查看审计日志": "View the audit log",
    "登记和修改住户": "Register and edit residents",
    "修改机构信息、房间和床位": "Edit the centre, rooms and beds",
    "管理用户": "Manage users",
    "恢复数据库": "Restore the database",
    "修改设置": "Change settings",
    "财务记账": "Bookkeeping",
}
