"""English for issue 13 (restore and backup): the restore-anyway dialog and
the automatic backup (ui/main_window.py, 设置 → 数据)."""
EN = {
    # main window
    "已自动备份到 %1": "Backed up automatically to %1",
    "自动备份未完成：%1": "Automatic backup not made: %1",
    "备份未通过校验": "The backup failed verification",
    "仍然恢复…": "Restore anyway…",
    "仍然恢复": "Restore anyway",
    "请填写仍然恢复的理由（记入审计日志）：": "Why restore anyway (recorded in the audit log):",
    "请填写理由": "Please give a reason",
    # 设置 → 数据
    "自动备份": "Automatic backup",
    "上次备份": "Last backup",
    "每天自动备份一次（程序运行时；也可用计划任务运行 eldercare backup --auto）":
        "Back up automatically once a day (while the program runs; or schedule eldercare backup --auto)",
    "留空：数据库旁的 backups 文件夹": "Empty: a backups folder beside the database",
    "备份文件夹": "Backup folder",
    " 份": " copies",
    "保留最新": "Keep the newest",
    "保存自动备份设置": "Save automatic backup settings",
    "尚未备份过数据库，请立即备份": "The database has never been backed up: back it up now",
    "%1天前": "%1 days ago",
    "%1（%2，%3）": "%1 (%2, %3)",
    "——已超过2天，请立即备份": " — more than 2 days ago: back up now",
    "自动备份设置已保存": "Automatic backup settings saved",
}
