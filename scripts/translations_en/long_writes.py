"""English for issue 13 (long writes and locking): the main window's status
bar while a write waits for another process's write lock."""
EN = {
    "数据库正忙（其他操作正在写入），正在等待…": "The database is busy (another operation is writing); waiting…",
}
