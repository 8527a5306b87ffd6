"""English for saving over another PC's change (ui/widgets.py: services.versions)."""
EN = {
    "重新载入": "Reload",
    "暂不载入": "Not now",
    "重新载入将显示他人保存的最新内容，本窗口中尚未保存的修改将被放弃。":
        "Reloading shows what was saved on the other computer; unsaved changes in this window are discarded.",
}
EN.update({
    # PostgreSQL backups (services.pg_backup) in the window
    "数据库备份 (*.sqlite3 *.db *.pgdump *.dump);;所有文件 (*)":
        "Database backups (*.sqlite3 *.db *.pgdump *.dump);;All files (*)",
    "留空：本机数据文件夹中的 backups 文件夹（PostgreSQL）":
        "Empty: the backups folder in this computer's data folder (PostgreSQL)",
})
