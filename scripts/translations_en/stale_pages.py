"""English for the stale-page bar (ui/stale.py): data changed on another PC."""
EN = {
    "其他电脑已修改此页数据": "Data on this page was changed on another computer",
    "重新载入此页，仍选中当前的记录（F5）": "Reload this page, keeping the current record selected (F5)",
    "暂不刷新（下次打开此页时自动刷新）": "Not now (the page reloads the next time it is opened)",
}
EN.update({
    # 设置 → 常规
    "其他电脑的修改": "Changes made on other computers",
    " 秒": " s",
    "不检查": "Never check",
    "检查间隔": "Check every",
    "多台电脑共用一个数据库时，每隔几秒检查其他电脑是否修改了正在显示的数据；有修改时页面上方提示“刷新”。0 表示不检查。只影响这台电脑。":
        "When several computers share one database, this computer checks every few seconds whether another "
        "one changed the data on show; if so, a bar above the page offers \"Refresh\". 0 means never check. "
        "Affects this computer only.",
    "每 %1 秒检查一次其他电脑的修改。": "Checking for changes made on other computers every %1 s.",
    "已停止检查其他电脑的修改。": "No longer checking for changes made on other computers.",
})
