"""English for issue 12: switch user / log out, the idle lock, the user guide
viewer and the window title (ui/main_window.py, ui/dialogs/lock.py,
ui/dialogs/help.py, ui/dialogs/login.py, 设置 → 常规)."""
EN = {
    # main window
    "切换用户…": "Switch user…",
    "注销": "Sign out",
    "锁定": "Lock",
    "程序已锁定": "The program is locked",
    "使用指南": "User guide",
    "仍是当前用户": "Still the same user",
    # lock dialog
    "已锁定 — 养老机构管理系统": "Locked — Eldercare Centre Manager",
    "电脑一段时间无人操作，已自动锁定。\n请 %1 输入密码继续，或切换为其他用户。":
        "The computer was idle, so the program locked itself.\n%1: enter your password to continue, "
        "or switch to another user.",
    "页面内容已隐藏。\n请 %1 输入密码继续，或切换为其他用户。":
        "The pages are hidden.\n%1: enter your password to continue, or switch to another user.",
    "解锁": "Unlock",
    "切换用户": "Switch user",
    "只有锁定前的用户可以解锁；其他用户请点“切换用户”。":
        "Only the user who was working can unlock; anyone else, click \"Switch user\".",
    # help viewer
    "# 使用指南\n\n找不到使用指南文件：%1": "# User guide\n\nThe user guide file was not found: %1",
    # login dialog when switching user
    "切换用户 — 养老机构管理系统": "Switch user — Eldercare Centre Manager",
    "请输入另一位用户的用户名和密码": "Enter the other user's user name and password",
    # 设置 → 常规
    "自动锁定": "Automatic lock",
    " 分钟": " min",
    "不自动锁定": "Never lock",
    "无人操作后锁定": "Lock when idle for",
    "前台电脑多人共用：无人操作达到设定时间后程序自动锁定，需输入当前用户的密码或切换用户才能继续。0 表示不自动锁定。只影响这台电脑。":
        "Front-desk computers are shared: when nobody has used the program for this long it locks itself, "
        "and the current user's password (or switching user) is needed to continue. 0 means never lock. "
        "This applies to this computer only.",
    "自动锁定：无人操作 %1 分钟后锁定。": "Automatic lock: after %1 minutes idle.",
    "自动锁定已关闭。": "Automatic lock is off.",
}
