#!/usr/bin/env python3
"""Fill resources/translations/eldercare_en.ts with the English interface text.

    .venv/bin/python scripts/translate_en.py [TS_FILE]

Run by scripts/update_translations.sh after lupdate. The GUI's source strings
are Simplified Chinese; this file holds the English for each of them:
``EN`` (Chinese source → English, used in every context) and ``IN_CONTEXT``
((context, source) → English, where one context needs different words, e.g.
请假 is the action "Leave" on the residents page but the figure "On leave" on
the beds page).

What it does to the .ts:

1. adds the tr()/translate() calls lupdate cannot see: pyside6-lupdate skips
   calls inside f-string replacement fields (``f"{self.tr('项目')}"``), so the
   ui/ sources are also read with Python's ``ast`` and any (context, source)
   lupdate missed is added with its location;
2. writes the English into every message and marks it finished;
3. fails (exit 1) and lists the strings when a source string has no English
   entry, or when a translation drops a placeholder (%1, %n) or an ``&``
   accelerator, so new UI text cannot silently stay Chinese.

Strings that are data, not UI text (resident names, statuses such as 在住
stored in the database, service error messages) never reach this file.

Terms used throughout: 住户 resident, 床位 bed, 护理型 nursing, 普通
standard, 空床 vacant, 在住 in residence, 请假 leave / on leave, 销假 return
from leave, 退住 discharge, 去世登记 record death, 已离院 departed, 入住 admit /
admission, 身份证号 ID number, 户籍 household registration, 代理人 agent,
照护等级 care level, 能力等级 ability level, 评估 assessment, 复评
reassessment, 押金专户 deposit escrow, 机构 centre, 停用/启用 deactivate /
activate (inactive / active), 审计 audit, 政策配置 policy profile."""
from __future__ import annotations

import ast
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "eldercare_desktop" / "ui"
TS_FILE = ROOT / "resources" / "translations" / "eldercare_en.ts"

APP_NAME = "Eldercare Centre Manager"

# ---------------------------------------------------------------------------
# Chinese source → English
# ---------------------------------------------------------------------------
EN: dict[str, str] = {
    # -- application, main window, navigation --------------------------------
    "养老机构管理系统": APP_NAME,
    "养老机构管理系统 — %1": APP_NAME + " — %1",
    "住户": "Resident",
    "床位": "Bed",
    "评估": "Assessments",
    "合同": "Contracts",
    "账单与收款": "Billing & payments",
    "押金专户": "Deposit escrow",
    "报表": "Reports",
    "补贴申报": "Subsidy claims",
    "审计日志": "Audit log",
    "设置": "Settings",
    "文件(&F)": "&File",
    "帮助(&H)": "&Help",
    "备份数据库…": "Back up database…",
    "从备份恢复…": "Restore from backup…",
    "退出": "Quit",
    "关于": "About",
    "当前用户：%1（%2）": "User: %1 (%2)",
    "尚未填写机构信息（设置 → 机构信息）": "Centre details not filled in yet (Settings → Centre details)",
    "已取消": "Cancelled",
    "无法完成": "Could not complete",
    "没有权限": "Permission denied",
    "记录不存在": "Record not found",
    "发生意外错误": "Unexpected error",
    "操作未能完成，数据未被修改。错误信息：%1": "The operation did not complete; no data was changed. Error: %1",
    "备份数据库": "Back up database",
    "数据库备份 (*.sqlite3 *.db);;所有文件 (*)": "Database backups (*.sqlite3 *.db);;All files (*)",
    "已备份到 %1": "Backed up to %1",
    "从备份恢复": "Restore from backup",
    "确定用备份文件\n%1\n替换当前的全部数据吗？\n\n当前数据库会先另存一份安全副本；恢复后所有页面将重新载入。":
        "Replace all current data with the backup file\n%1?\n\n"
        "A safety copy of the current database is saved first; all pages reload after the restore.",
    "已从备份恢复。原数据的安全副本：%1": "Restored from backup. Safety copy of the previous data: %1",
    "恢复完成": "Restore complete",
    "已从备份恢复数据库。\n\n恢复前的数据已另存为：\n%1":
        "The database was restored from the backup.\n\nThe previous data was saved as:\n%1",
    "<b>养老机构管理系统</b> %1<br><br>住户、床位、评估、合同、账单、押金专户、报表与补贴申报。<br><br>数据库：%2":
        f"<b>{APP_NAME}</b> %1<br><br>Residents, beds, assessments, contracts, billing, deposit escrow, "
        "reports and subsidy claims.<br><br>Database: %2",
    "您的角色（%1）没有“%2”的权限": "Your role (%1) does not have the \"%2\" permission",
    "您的角色（%1）没有“%2”的权限，无法查看此页面。请联系管理员。":
        "Your role (%1) does not have the \"%2\" permission needed for this page. Please contact an administrator.",
    "无法打开数据库": "Cannot open the database",
    "无法打开数据库，程序将退出。\n\n%1": "Cannot open the database; the program will exit.\n\n%1",

    # -- common words ----------------------------------------------------------
    "保存": "Save",
    "取消": "Cancel",
    "关闭": "Close",
    "刷新": "Refresh",
    "编辑": "Edit",
    "查看": "View",
    "全部": "All",
    "今天": "Today",
    "今天 %1": "Today %1",
    "日期": "Date",
    "时间": "Time",
    "状态": "Status",
    "备注": "Notes",
    "原因": "Reason",
    "事由": "Reason",
    "说明": "Note",
    "姓名": "Name",
    "名称": "Name",
    "性别": "Sex",
    "年龄": "Age",
    "出生日期": "Date of birth",
    "关系": "Relationship",
    "电话": "Phone",
    "地址": "Address",
    "住址": "Address",
    "联系人": "Contacts",
    "代理人": "Agent",
    "身份证号": "ID number",
    "户籍": "Household registration",
    "政策类别": "Policy categories",
    "类别": "Categories",
    "用户": "User",
    "用户名": "Username",
    "角色": "Role",
    "密码": "Password",
    "启用": "Active",
    "停用": "Inactive",
    "已停用": "Inactive",
    "—": "—",
    "无": "None",
    "有": "Yes",
    "可选": "Optional",
    "至": "to",
    "正在载入…": "Loading…",
    "正在加载…": "Loading…",
    "正在保存…": "Saving…",
    "正在处理…": "Working…",
    "正在取消…": "Cancelling…",
    "已保存": "Saved",
    "数据库": "Database",
    "数据库：%1": "Database: %1",
    "机构": "Centre",
    "共 %1 条": "Total: %1",
    "共 %1 项": "Total: %1",
    "共 %1 份": "Total: %1",
    "共 %1 人": "Total: %1",
    "显示 %1 人，共 %2 人": "Showing %1 of %2",
    "显示 %1 份，共 %2 份": "Showing %1 of %2",
    "请先选择一位住户": "Select a resident first",

    # -- residents ---------------------------------------------------------------
    "搜索：姓名、拼音或首字母（如 zs）、身份证号、床位号（Ctrl+F）":
        "Search: name, pinyin or initials (e.g. zs), ID number, bed (Ctrl+F)",
    "在住": "In residence",
    "请假": "Leave",
    "请假中": "On leave",
    "已离院（退住、去世）": "Departed (discharged, deceased)",
    "登记入住": "Admit",
    "调床": "Move bed",
    "销假": "Return from leave",
    "退住": "Discharge",
    "去世登记": "Record death",
    "再次入住": "Readmit",
    "能力评估…": "Assess…",
    "在左侧选择一位住户查看详细信息。": "Select a resident on the left to see the details.",
    "登记新住户并安排床位": "Register a new resident and assign a bed",
    "为该住户填写老年人能力评估表": "Fill in an ability assessment for this resident",
    "只有在住或请假的住户才能评估": "Only residents in residence or on leave can be assessed",
    "“%1”目前%2，不能办理此项": "\"%1\" is currently %2; this action is not available",
    "岁": " years",
    "入住记录": "Stays",
    "床位记录": "Bed history",
    "请假记录": "Leave history",
    "状态变化": "Status changes",
    "当前床位": "Current bed",
    "本次入住": "Admitted",
    "入住日期": "Admission date",
    "结束日期": "End date",
    "结束原因": "End reason",
    "至今": "Present",
    "开始": "Start",
    "结束": "End",
    "首日": "First day",
    "最后一天": "Last day",
    "预计返院": "Expected return",
    "登记人": "Recorded by",
    "照护等级": "Care level",
    "未评估": "Not assessed",
    "待同意变更为": "awaiting consent to change to ",
    "最近评估": "Last assessment",

    # -- resident dialog ---------------------------------------------------------
    "编辑住户信息": "Edit resident",
    "18位居民身份证号": "18-character resident ID number",
    "省": "Province",
    "市": "City",
    "区/县": "District/county",
    "手机或固定电话（可不填）": "Mobile or landline (optional)",
    "出生日期、性别和年龄将根据身份证号自动填写": "Date of birth, sex and age are filled in from the ID number",
    "已输入 %1/18 位": "%1/18 characters entered",
    "出生日期 %1\u3000性别 %2\u3000年龄 %3 岁\u3000身份证地区 %4":
        "Born %1 · Sex %2 · Age %3 · ID region %4",
    "添加联系人": "Add contact",
    "删除所选": "Remove selected",
    "建议至少登记一位联系人，并指定一位代理人": "Add at least one contact and choose an agent",
    "建议指定一位代理人（签订合同、退还押金时需要）":
        "Choose an agent (needed for signing contracts and refunding the deposit)",

    # -- stay dialogs ------------------------------------------------------------
    "正在载入空床位…": "Loading vacant beds…",
    "%1 没有空床位（请先在“床位”页面添加房间和床位）": "No vacant beds on %1 (add rooms and beds on the \"Beds\" page first)",
    "请选择床位": "Select a bed",
    "请选择新床位": "Select the new bed",
    "（无）": "(none)",
    "调床日期": "Move date",
    "自该日起住新床位，原床位到前一天为止": "The new bed applies from this date; the old bed ends the day before",
    "新床位": "New bed",
    "例如：照护等级变化、本人申请": "e.g. care level change, resident's request",
    "请假首日": "First day of leave",
    "住院治疗": "Hospital stay",
    "回家探亲": "Family visit",
    "外出": "Outing",
    "其他": "Other",
    "请填写或选择请假事由": "Type or choose",  # placeholder of a narrow combo box
    "返院日期": "Return date",
    "销假返院": "Return from leave",
    "返院当天计为在院，离院最后一天为前一天": "The return day counts as in residence; the last day away is the day before",
    "办理退住": "Discharge",
    "去世日期": "Date of death",
    "退住日期": "Discharge date",
    "退住日期为最后一个服务日，床位自次日起空出": "The discharge date is the last day of service; the bed is free from the next day",
    "例如：病故、医院": "e.g. illness, in hospital",
    "例如：回家养老、转院": "e.g. returning home, moving to another facility",
    "情况说明": "Details",
    "退住原因": "Reason",
    "办理后住户记录仍保留，可在“已离院”中查看。押金余额须在10日内退还并计付活期利息。":
        "The resident's record is kept and can be found under \"Departed\". "
        "The deposit balance must be refunded within 10 days, with demand-deposit interest.",
    "确认登记": "Record",
    "确认退住": "Discharge",
    "可选，例如：出院后返回": "Optional, e.g. back after a hospital stay",

    # -- beds page ---------------------------------------------------------------
    "床位图": "Bed map",
    "新增房间…": "Add room…",
    "总床位": "Total beds",
    "已入住": "Occupied",
    "空床": "Vacant",
    "护理型床位占比": "Nursing bed share",
    "查看日期": "As of",
    "查找住户姓名或床位号": "Find a resident or bed",
    "显示已停用": "Show inactive",
    "未分楼栋": "No building",
    "%1栋": "Building %1",
    "地下%1层": "Basement %1",
    "%1层": "Floor %1",
    "请假（床位保留）": "On leave (bed kept)",
    "护理型床位": "Nursing bed",
    "点击床位或房间查看详情。\n双击有人入住的床位可打开住户档案；方向键可在床位间移动。":
        "Click a bed or room to see the details.\n"
        "Double-click an occupied bed to open the resident's record; the arrow keys move between beds.",
    "房间": "Room",
    "房间类型": "Room type",
    "床位类型": "Bed type",
    "床位状态": "Bed status",
    "住户状态": "Resident status",
    "打开住户档案": "Open resident record",
    "床位管理": "Manage beds",
    "改为护理型床位": "Make nursing bed",
    "改为普通床位": "Make standard bed",
    "停用床位": "Deactivate bed",
    "启用床位": "Activate bed",
    "新增床位…": "Add bed…",
    "编辑房间…": "Edit room…",
    "停用房间": "Deactivate room",
    "启用房间": "Activate room",
    "床位 %1": "Bed %1",
    "房间 %1": "Room %1",
    "已入住（住户请假，床位保留）": "Occupied (resident on leave, bed kept)",
    "%1张（护理型 %2张）": "%1 (%2 nursing)",
    "空床 %1张": "%1 vacant",
    "先在床位图上选择一张床位": "Select a bed on the map first",
    "先在床位图上选择一个房间或床位": "Select a room or bed on the map first",
    "全部楼栋": "All buildings",
    "%1个房间": "Rooms: %1",
    "入住率 %1%": "Occupancy %1%",
    "可安排入住": "Ready for admission",
    "床位保留": "Beds kept",
    "仅显示今天的请假": "Leave shown for today only",
    "还没有床位 · 目标≥%1%": "No beds yet · target ≥%1%",
    "%1/%2张 · 目标≥%3% · %4": "%1/%2 · target ≥%3% · %4",
    "已达标": "met",
    "未达标": "not met",
    "政策配置：%1": "Policy profile: %1",
    "正在查看 %1 的入住情况（请假状态只显示今天的）": "Showing occupancy on %1 (leave is shown for today only)",
    "还没有房间。点击“新增房间”添加第一个房间。": "No rooms yet. Click \"Add room\" to add the first one.",
    "还没有房间。": "No rooms yet.",
    "找到 %1 处": "%1 found",
    "没有找到": "Not found",
    # bed map canvas
    "%1间 · %2床 · 空床 %3 · 请假 %4": "%1 rooms · %2 beds · %3 vacant · %4 on leave",
    "空 %1": "%1 free",
    "已满": "Full",
    "%1床": "Bed %1",
    "护理型": "Nursing",
    "普通": "Standard",
    "可入住": "Available",
    "房间停用": "Room inactive",
    "床位停用": "Bed inactive",
    "双击打开住户档案": "Double-click to open the resident's record",
    "空床，可入住": "Vacant, available",

    # -- room dialogs ------------------------------------------------------------
    "编辑房间": "Edit room",
    "新增房间": "Add room",
    "新增床位": "Add bed",
    "如 A、1号楼": "e.g. A, Building 1",
    " 层": "F",
    "如 101": "e.g. 101",
    "如 朝南、带卫生间": "e.g. south-facing, en-suite",
    "楼栋": "Building",
    "楼层": "Floor",
    "房间号": "Room number",
    "床位号": "Bed number",
    "床位编号": "Bed code",
    "床位请在床位图上逐张新增、更改类型或停用。": "Add, retype or deactivate beds one by one on the bed map.",
    "快速生成": "Quick fill",
    " 张": " beds",
    "生成": "Generate",
    "添加一张床位": "Add a bed",
    "删除所选床位": "Remove selected bed",

    # -- centre page -------------------------------------------------------------
    "机构信息": "Centre details",
    "撤销修改": "Revert",
    "与营业执照或登记证书一致": "As on the business licence or registration certificate",
    "18位，如 91500112MA5U7ABC1X": "18 characters, e.g. 91500112MA5U7ABC1X",
    "如 023-67881234 或 13800000000": "e.g. 023-67881234 or 13800000000",
    "如 中国建设银行重庆渝北支行": "e.g. China Construction Bank, Chongqing Yubei Branch",
    "只填数字，可带空格": "Digits only; spaces allowed",
    "基本信息": "Basic information",
    "机构名称": "Centre name",
    "统一社会信用代码": "Unified social credit code",
    "机构性质": "Centre type",
    "政策配置": "Policy profile",
    "法定代表人": "Legal representative",
    "核定床位数": "Approved beds",
    "押金须存入专用账户，与经营资金分开管理；退住后10日内连同同期活期利息退还。":
        "Deposits must be held in a dedicated account, separate from operating funds, and refunded "
        "with demand-deposit interest within 10 days of discharge.",
    "开户银行": "Bank",
    "户名": "Account name",
    "账号": "Account number",
    "床位概况": "Bed summary",
    "实有床位": "Beds in place",
    "核定床位": "Approved beds",
    "床位在“床位”页面管理；护理型床位占比按启用的床位计算。":
        "Beds are managed on the \"Beds\" page; the nursing bed share counts active beds only.",
    "只读：": "Read-only: ",
    "，只能查看。": "; view only.",
    "%1（护理型床位目标≥%2%）": "%1 (nursing bed target ≥%2%)",
    "尚未填写机构信息": "Centre details not filled in yet",
    "有未保存的修改": "Unsaved changes",
    "选填；填写后将核对校验位": "Optional; the check character is verified when filled in",
    "✓ 校验通过": "✓ Valid",
    "已达到%1的目标（≥%2%）": "Meets the %1 target (≥%2%)",
    "未达到%1的目标（≥%2%）": "Below the %1 target (≥%2%)",
    "还没有床位；%1的目标为≥%2%": "No beds yet; the %1 target is ≥%2%",
    "%1张（%2个房间）": "%1 (rooms: %2)",
    "%1张": "%1",
    "%1张（入住率 %2%）": "%1 (occupancy %2%)",
    "未填写": "Not filled in",
    "%1张（实有床位多于核定床位）": "%1 (fewer than the beds in place)",
    "未保存：请修改标红的项目": "Not saved: correct the fields marked in red",

    # -- settings ----------------------------------------------------------------
    "常规": "General",
    "数据": "Data",
    "界面语言": "Interface language",
    "语言": "Language",
    "更改将在下次启动程序时生效。语言设置保存在本机，只影响这台电脑。":
        "Changes take effect the next time the program starts. The setting is stored on this computer only.",
    "已保存，下次启动时使用%1。": "Saved. %1 will be used from the next start.",
    "数据库位置": "Database location",
    "备份与恢复": "Backup and restore",
    "建议每天备份一次，并把备份文件另存到U盘或其他电脑。恢复会用备份文件替换当前全部数据，恢复前的数据会自动另存一份安全副本。":
        "Back up once a day and keep a copy of the backup on a USB drive or another computer. "
        "Restoring replaces all current data with the backup; the data before the restore is saved "
        "as a safety copy first.",
    "备份到文件…": "Back up to file…",
    "从备份文件恢复…": "Restore from backup file…",
    "备份完成。文件校验值（SHA-256）：%1": "Backup complete. File checksum (SHA-256): %1",
    "已从备份恢复。恢复前的数据已另存为：%1": "Restored from backup. The previous data was saved as: %1",

    # -- users -------------------------------------------------------------------
    "锁定至": "Locked until",
    "最后登录": "Last login",
    "登录失败次数过多被锁定；可用“重置密码并解锁”解除":
        "Locked after too many failed logins; use \"Reset password and unlock\" to release",
    "当前登录：%1（%2）": "Signed in as %1 (%2)",
    "修改我的密码…": "Change my password…",
    "新增用户…": "New user…",
    "修改…": "Edit…",
    "重置密码并解锁…": "Reset password and unlock…",
    "用户账号由管理员管理。您的角色（%1）没有“%2”的权限，因此看不到用户列表。\n您可以随时修改自己的登录密码。":
        "User accounts are managed by administrators. Your role (%1) does not have the \"%2\" permission, "
        "so the user list is hidden.\nYou can change your own password at any time.",
    "角色：管理员可做一切；前台登记和管理住户；会计负责收费记账，可查看审计日志；审计只能查看和导出。连续输错密码5次将锁定15分钟。":
        "Roles: administrators can do everything; front desk registers and manages residents; "
        "accountants handle fees and bookkeeping and can read the audit log; auditors can only view "
        "and export. Five wrong passwords in a row lock the account for 15 minutes.",
    "共 %1 个账号，%2 个启用": "Accounts: %1, active: %2",
    "先在列表中选择一个用户": "Select a user in the list first",
    "新增用户": "New user",
    "修改用户": "Edit user",
    "登录用，如 zhangli": "For signing in, e.g. zhangli",
    "如 张丽": "e.g. Zhang Li",
    "再次输入密码": "Confirm password",
    "启用（可以登录）": "Active (can sign in)",
    "重置密码并解锁": "Reset password and unlock",
    "为 %1 设置新密码，并解除登录锁定。请当面告知本人，并请其登录后自行修改。":
        "Set a new password for %1 and release the login lock. Tell the user in person and ask them "
        "to change it after signing in.",
    "新密码": "New password",
    "再次输入": "Confirm",
    "重置": "Reset",
    "修改我的密码": "Change my password",
    "原密码": "Current password",
    "再次输入新密码": "Confirm new password",
    "请输入原密码": "Enter your current password",
    "密码已修改": "Password changed",
    "两次输入的密码不一致": "The passwords do not match",
    "至少%1个字符，须同时包含字母和数字": "At least %1 characters, with both letters and digits",

    # -- login, first run --------------------------------------------------------
    "登录 — 养老机构管理系统": "Sign in — " + APP_NAME,
    "请输入用户名和密码登录": "Enter your username and password to sign in",
    "登录": "Sign in",
    "请输入用户名": "Enter your username",
    "请输入密码": "Enter your password",
    "首次运行 — 养老机构管理系统": "First run — " + APP_NAME,
    "欢迎使用养老机构管理系统": "Welcome to " + APP_NAME,
    "这是第一次运行。请创建管理员账号：管理员可以填写机构信息、添加房间床位、为前台、会计和审计人员开设账号。请牢记密码。":
        "This is the first run. Create the administrator account: the administrator can enter the "
        "centre's details, add rooms and beds, and open accounts for front desk, accounting and audit "
        "staff. Keep the password safe.",
    "管理员": "Administrator",
    "显示名称": "Display name",
    "至少8个字符，同时包含字母和数字": "At least 8 characters, with both letters and digits",
    "载入演示数据（一个已有住户、床位和历史记录的示例机构）":
        "Load demo data (a sample centre with residents, beds and history)",
    "用于熟悉软件。演示数据中的前台、会计、审计账号使用与管理员相同的密码。正式使用请勿勾选。":
        "For getting to know the software. The demo front desk, accountant and auditor accounts use the "
        "administrator's password. Leave unticked for real use.",
    "创建管理员": "Create administrator",
    "演示数据": "Demo data",
    "管理员账号已创建，但演示数据未能载入：%1": "The administrator account was created, but the demo data could not be loaded: %1",
    "正在生成演示数据…": "Creating demo data…",

    # -- audit -------------------------------------------------------------------
    "序号": "No.",
    "操作": "Action",
    "对象": "Object",
    "对象编号": "Object ID",
    "修改前": "Before",
    "修改后": "After",
    "项目": "Field",
    "起始日期": "Start date",
    "每一次修改都会记录：谁、何时、改了什么。记录只增不改，并以哈希链防篡改。":
        "Every change is recorded: who, when and what. Entries are never altered, and a hash chain "
        "guards against tampering.",
    "校验审计链": "Verify audit chain",
    "审计日志只对管理员、会计和审计人员开放。您的角色（%1）没有“%2”的权限。":
        "The audit log is open to administrators, accountants and auditors only. Your role (%1) does not "
        "have the \"%2\" permission.",
    "全部用户": "All users",
    "全部对象": "All objects",
    "最近7天": "Last 7 days",
    "最近30天": "Last 30 days",
    "本月": "This month",
    "指定日期…": "Custom range…",
    "搜索操作或修改内容，如 姓名、房间号": "Search actions or changes, e.g. a name or room number",
    "清除筛选": "Clear filters",
    "选择一条记录，查看修改前后逐项对比。": "Select an entry to compare before and after, field by field.",
    "（只显示最近的%1条，请缩小筛选范围）": "(only the latest %1 are shown; narrow the filter)",
    "这条记录没有修改前后的内容。": "This entry has no before and after content.",
    "正在校验…": "Verifying…",
    "✓ 审计链完整（%1条）": "✓ Audit chain intact (%1 entries)",
    "✗ 审计链异常：%1": "✗ Audit chain broken: %1",
    "校验了%1条记录。第一处异常在第%2条。": "Checked %1 entries. The first problem is at entry %2.",

    # -- assessments -------------------------------------------------------------
    "%1分": "%1 pt",
    "评估 %1 — %2": "Assessment %1 — %2",
    "更正评估 %1 — %2": "Correct assessment %1 — %2",
    "新建评估 — %1": "New assessment — %1",
    "健康状况与诊断": "Health and diagnoses",
    "打印评估报告": "Print assessment report",
    "更正…": "Correct…",
    "保存评估": "Save assessment",
    "评估工具": "Instrument",
    "评估基准日期": "Assessment date",
    "评估原因": "Reason",
    "评估员1": "Assessor 1",
    "评估员2": "Assessor 2",
    "评估员": "Assessors",
    "信息提供者": "Informant",
    "必填：说明更正了什么、为什么（如：小便控制得分录入错误）":
        "Required: what was corrected and why (e.g. urinary continence score entered wrongly)",
    "更正说明": "Correction note",
    "其他ICD-10编码，如 I63.9、N18（多个用顿号或逗号分隔）": "Other ICD-10 codes, e.g. I63.9, N18 (separate with commas)",
    "疾病诊断": "Diagnoses",
    "药名、剂量、用法，如：氨氯地平 5mg 每日一次": "Drug, dose and frequency, e.g. amlodipine 5 mg once daily",
    "用药情况": "Medication",
    " 次": " times",
    "近%1天风险事件": "Risk events (last %1 days)",
    "处于昏迷状态": "In a coma",
    "昏迷": "Coma",
    "未测": "Not measured",
    "压力性损伤": "Pressure injury",
    "吞咽困难": "Swallowing difficulty",
    "身高": "Height",
    "体重": "Weight",
    "BMI": "BMI",
    "健康问题": "Health problems",
    "该评估已被更正，请更正最新的那份": "This assessment has been corrected; correct the latest version instead",
    "评估结果": "Result",
    "评估编号 %1，由 %2 于 %3 录入": "Assessment %1, entered by %2 on %3",
    "本评估更正了 %1": "This assessment corrects %1",
    "已被 %1 更正，以更正后的评估为准": "Corrected by %1; the corrected assessment applies",
    "正在更正评估 %1（%2）：保存后原评估保留备查并标记为“已被更正”，其尚未生效的照护等级变更随之撤销。":
        "Correcting assessment %1 (%2): on saving, the original is kept for reference and marked "
        "\"corrected\", and any of its care level changes not yet in effect are withdrawn.",
    "，只能查看": "; view only",
    "合计 %1 次": "Total: %1",
    "将记录：%1": "Will record: %1",
    "无法识别的编码：%1（ICD-10编码形如 F01、I10.0）": "Unrecognised codes: %1 (ICD-10 codes look like F01, I10.0)",
    "全部项目已评分，可以保存（Ctrl+S）": "All items scored; ready to save (Ctrl+S)",
    "没有%1分这一项，可选：%2": "No option scores %1; choose from: %2",
    "%1… 再按 %2": "%1… then press %2",
    "无法保存，请修改标出的 %1 处问题：": "Cannot save. Correct the marked problems (%1):",
    "……共 %1 个项目": "… (%1 items in all)",
    "更正评估时请在“更正说明”中写明更正了什么、为什么":
        "When correcting an assessment, state what was corrected and why in \"Correction note\"",
    "放弃录入": "Discard entries",
    "本次评估尚未保存，确定放弃已录入的内容吗？": "This assessment has not been saved. Discard what you have entered?",
    "编号": "No.",
    "工具": "Instrument",
    "总分": "Total score",
    "初步等级": "Preliminary level",
    "最终等级": "Final level",
    "待评估": "Due",
    "待确认的照护等级变更": "Pending care level changes",
    "评估记录": "All assessments",
    "个人评估历史": "Resident history",
    "新建评估": "New assessment",
    "即时评估申请": "Immediate assessment request",
    "显示全部在住住户（含未到期）": "Show all residents in residence (including not yet due)",
    "红色：已逾期；橙色：即将到期。复评间隔与提醒天数在“设置 → 评估”中设定；身体状况变化时请登记“即时评估申请”。":
        "Red: overdue; orange: due soon. The reassessment interval and reminder days are set in "
        "\"Settings → Assessments\"; when a resident's condition changes, file an \"Immediate assessment request\".",
    "记录同意": "Record consent",
    "记录不同意": "Record refusal",
    "查看评估": "View assessment",
    "依据《养老机构管理办法》，变更照护等级须经老人或其代理人同意：同意之日起按新等级照护和收费；不同意时维持原等级，可申请复评。":
        "Under the Measures for the Administration of Elderly Care Institutions, a care level change "
        "needs the consent of the resident or their agent: from the day of consent, care and fees follow "
        "the new level; without consent the current level stays and a reassessment may be requested.",
    "筛选：住户、编号、评估员、等级": "Filter: resident, number, assessor, level",
    "评估日期": "Assessment date",
    "更正": "Correct",
    "打印报告": "Print report",
    "导出Excel": "Export to Excel",
    "照护等级变更": "Care level change",
    "已逾期 %1 人，即将到期 %2 人": "Overdue: %1, due soon: %2",
    "待评估（%1）": "Due (%1)",
    "待确认的照护等级变更（%1）": "Pending care level changes (%1)",
    "当前照护等级：%1": "Current care level: %1",
    "（尚未确定）": "(not yet set)",
    "请先选择一项待确认的变更": "Select a pending change first",
    "请先选择一份评估": "Select an assessment first",
    "“%1”目前%2，不能再做评估": "\"%1\" is currently %2 and cannot be assessed",
    "评估已保存": "Assessment saved",
    "保存评估报告": "Save assessment report",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "评估报告已保存：%1": "Assessment report saved: %1",
    "评估报告已保存": "Assessment report saved",
    "已保存到：\n%1\n\n现在打开吗？": "Saved to:\n%1\n\nOpen it now?",
    "导出评估记录": "Export assessments",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "已导出 %1 份评估：%2": "Assessments exported (%1): %2",
    "导出完成": "Export complete",
    "评估编号": "Assessment",
    "原等级 → 新等级": "Old → new level",
    "同意人": "Consented by",
    "同意日期": "Consent date",
    "生效日期": "Effective date",
    "上次评估": "Last assessed",
    "上次等级": "Last level",
    "应评估日期": "Due date",
    "剩余天数": "Days left",
    "已等待": "Waiting",
    "最终能力等级变化": "Final ability level over time",
    "● 有效评估\u3000○ 已被更正的评估\u3000（鼠标停在点上查看详情）":
        "● Valid assessment   ○ Corrected assessment   (hover over a point for details)",
    "尚无评估记录": "No assessments yet",
    "输入姓名、拼音首字母或床位号": "Type a name, pinyin initials or bed",
    "未评": "Not scored",
    "评估结果（实时）": "Result (live)",
    "等级调整": "Level adjustments",
    "跳到未评项目（Ctrl+J）": "Next unscored item (Ctrl+J)",
    "键盘：数字键=评分并跳到下一项\u3000↑↓=上一项/下一项\u3000PageUp/PageDown=上一部分/下一部分\u3000Backspace=清除\u3000Ctrl+S=保存":
        "Keys: digit = score and go to the next item   ↑↓ = previous/next item   "
        "PageUp/PageDown = previous/next section   Backspace = clear   Ctrl+S = save",
    "尚有 %1 项未评分": "Items not yet scored: %1",
    "全部 %1 项已评分": "All %1 items scored",
    # consent, immediate request
    "老人本人或其代理人的姓名": "Name of the resident or their agent",
    "表示不同意的人": "Refused by",
    "与老人关系": "Relationship",
    "新的照护等级自该日起生效": "The new care level applies from this date",
    "不同意时维持原照护等级，可申请复评": "On refusal the current care level stays; a reassessment may be requested",
    "可选，例如：电话告知后到院签字": "Optional, e.g. told by phone, then signed in person",
    "例如：家属对评估结果有异议，申请复评": "e.g. the family disputes the result and asks for a reassessment",
    "如：跌倒后行动不便、住院返回、出现认知障碍":
        "e.g. reduced mobility after a fall, back from hospital, signs of cognitive impairment",
    "身体状况变化": "Change in condition",
    "自该日起列入“待评估”，应尽快重新评估": "Listed as \"Due\" from this date; reassess as soon as possible",
    "申请日期": "Request date",
    "登记申请": "File request",

    # -- placeholder pages -------------------------------------------------------
    "老年人能力评估": "Ability assessment of older adults",
    "按国家标准 GB/T 42195-2022《老年人能力评估规范》逐项评分：自理能力、基础运动能力、精神状态、感知觉与社会参与":
        "Item-by-item scoring under the national standard GB/T 42195-2022 \"Specification for ability "
        "assessment of older adults\": self-care, basic mobility, mental state, perception and social participation",
    "根据总分与调整规则得出能力等级（能力完好至能力完全丧失），并确定对应的照护等级":
        "The ability level (from intact to completely lost) follows from the total score and the "
        "adjustment rules, and sets the matching care level",
    "照护等级决定合同中的护理费标准，也是补贴资格的依据":
        "The care level sets the nursing fee in the contract and is the basis for subsidy eligibility",
    "复评提醒：定期复评到期、健康状况变化或请假返院后提示重新评估":
        "Reassessment reminders: when a periodic reassessment is due, after a change in health, or on "
        "return from leave",
    "公办机构入住前必须评估；特困、孤寡、失能、高龄、失独老人优先":
        "Public centres must assess before admission; priority for older people in extreme poverty, "
        "without family, disabled, of advanced age, or who have lost their only child",
    "服务合同": "Service contracts",
    "入住前与老人或其代理人签订书面服务合同：服务内容、服务项目、收费标准、争议解决方式":
        "A written service contract with the resident or their agent before admission: services, "
        "service items, fees and dispute resolution",
    "床位费、护理费（按照护等级）、伙食费分项定价，每次调价留档并提前告知住户":
        "Separate prices for the bed, nursing (by care level) and meals; every price change is kept "
        "on file and announced to residents in advance",
    "合同到期、续签与提前终止；提前终止时未到期已交费用如数退还":
        "Contract expiry, renewal and early termination; on early termination, fees paid for the "
        "remaining period are refunded in full",
    "打印合同文本（PDF），由老人或代理人签字": "Print the contract (PDF) for the resident or agent to sign",
    "每月批量生成账单：床位费、护理费、伙食费（伙食费据实结算），请假天数按规则计算":
        "Monthly bills in one batch: bed, nursing and meal fees (meals charged as actually used), "
        "with leave days counted by the rules",
    "登记收款并打印收据，金额同时以人民币大写显示":
        "Record payments and print receipts, with amounts also written in Chinese capital numerals",
    "每月向住户提供费用清单和结算账目（月度对账单）": "A monthly statement of charges and settlement for each resident",
    "已记账的凭证不可修改，更正以红冲方式记录；已结账的月份不能再记账":
        "Posted vouchers cannot be changed and corrections are posted as reversals; closed months "
        "accept no further postings",
    "押金只能用于老人入住期间的医疗等应急费用，且不超过月服务费的6倍（超出时提示并可退还超出部分）":
        "Deposits may only cover emergency costs such as medical care during the stay and may not "
        "exceed 6 months' service fees (any excess is flagged and can be refunded)",
    "押金存入专用银行账户，与运营资金分开核算，作为对老人的负债入账":
        "Deposits are kept in a dedicated bank account, accounted for apart from operating funds, "
        "and booked as a liability to the resident",
    "每笔扣款登记原因、日期和凭证": "Every deduction records its reason, date and voucher",
    "服务关系结束后10日内退还余额，并按银行同期活期存款利率计付利息":
        "The balance is refunded within 10 days after the service ends, with interest at the bank's "
        "demand-deposit rate for the period",
    "提醒：押金超限、逾期未退、漏计利息": "Alerts: deposit over the limit, overdue refunds, missed interest",
    "年度财务收支情况公开：每年3月底前报送上一年度数据":
        "Annual financial disclosure: the previous year's figures are due by the end of March",
    "按《民间非营利组织会计制度》编制资产负债表、业务活动表、现金流量表":
        "Balance sheet, statement of activities and cash flow statement under the Accounting System "
        "for Non-profit Organisations",
    "收费公示表：收费项目与标准、服务内容与等级": "Public fee schedule: fee items and rates, services and levels",
    "住户名册、床位使用率、护理型床位占比等统计": "Resident register, bed occupancy, nursing bed share and other statistics",
    "所有报表可导出 PDF 与 Excel": "Every report can be exported to PDF and Excel",
    "按机构所在地区的政策配置生成补贴申报表：建设补贴、运营补贴、护理员岗位补贴等":
        "Subsidy claim forms from the policy profile of the centre's region: construction, operating "
        "and care worker subsidies, and more",
    "每一行列明床位、住户或员工是否符合条件、判断依据与金额":
        "Each line shows whether the bed, resident or employee qualifies, on what grounds, and the amount",
    "合计自动核对，并按出资方（省、市、区）拆分金额":
        "Totals are checked automatically and split by funder (province, city, district)",
    "新增地区只需新增一个政策配置文件": "A new region needs only a new policy profile file",
    "即将推出": "Coming soon",
    "此功能正在开发中，将在后续版本中提供。": "This feature is under development and will come in a later version.",
    "本页将提供：": "This page will provide:",
    # -- review fixes: residents list, roster export, assessment settings, audit labels --------
    " 个月": " months",
    " 天": " days",
    "%1床位": "%1 bed",
    "%1级": "Grade %1",
    "上限": "Cap",
    "与住户关系": "Relationship to resident",
    "事件": "Events",
    "人工调整": "Manual adjustment",
    "付款人": "Payer",
    "代码": "Code",
    "价格": "Price",
    "会计期间": "Accounting period",
    "住户名册": "Resident roster",
    "余额": "Balance",
    "作废凭证": "Voiding entry",
    "作废日期": "Void date",
    "保存到": "Save to",
    "冲抵预收（分）": "Prepayment applied (fen)",
    "凭证": "Journal entry",
    "分录": "Lines",
    "到期前提醒": "Remind before due",
    "勾选为护理型床位，不勾选为普通床位": "Ticked: nursing bed; unticked: standard bed",
    "包括已离院住户": "Include departed residents",
    "包括已离院（退住、去世）的住户": "Include departed residents (discharged, deceased)",
    "单价（分）": "Unit price (fen)",
    "单位": "Unit",
    "参考号": "Reference",
    "双击或按F2修改": "Double-click or press F2 to edit",
    "变更的合同": "Contracts changed",
    "各项得分": "Item scores",
    "合计（分）": "Total (fen)",
    "名册行": "Roster row",
    "复评到期前这么多天起，住户出现在“评估 → 待评估”清单中。":
        "From this many days before a reassessment is due, the resident appears in the Assessments → Due list.",
    "复评间隔": "Reassessment interval",
    "复评间隔（月）": "Reassessment interval (months)",
    "安全副本": "Safety copy",
    "对应照护等级": "Care level",
    "导出": "Export",
    "导出住户名册": "Export resident roster",
    "导出名册…": "Export roster…",
    "已作废": "Voided",
    "已导出住户名册（%1 人）：%2": "Roster exported (%1 residents): %2",
    "开始日期": "Start date",
    "张": "×",
    "快速生成：": "Quick generate:",
    "截止日期": "End date",
    "把住户名册导出为Excel文件（.xlsx）": "Export the resident roster as an Excel file (.xlsx)",
    "押金": "Deposit",
    "押金超额": "Deposit above cap",
    "按数量重新生成床位列表（床位号 1、2、3…）": "Regenerate the bed list with this many beds (labels 1, 2, 3…)",
    "按类别": "By kind",
    "摘要": "Memo",
    "收据": "Receipt",
    "收费标准": "Fee price",
    "收费项目": "Fee item",
    "数量": "Quantity",
    "文件": "File",
    "文件校验值（SHA-256）": "File checksum (SHA-256)",
    "方式": "Method",
    "普通床位（勾选改为护理型）": "Standard bed (tick for nursing)",
    "更换评估工具只影响今后的新评估：已保存的评估仍按原评估工具计分、显示和打印。":
        "Changing the instrument affects new assessments only: saved assessments keep their instrument "
        "for scoring, display and printing.",
    "更正的评估": "Corrected assessment",
    "期限": "Term",
    "来源": "Source",
    "每月": "Monthly",
    "浏览…": "Browse…",
    "照护费": "Care fee",
    "离院日期": "Left on",
    "等级": "Grade",
    "等级名称": "Grade name",
    "等级对应照护等级": "Grade → care level",
    "签约人": "Signer",
    "红冲的凭证": "Reversed entry",
    "结账": "Period close",
    "能力评估": "Ability assessment",
    "规则": "Rule",
    "计费": "Billing run",
    "记录数": "Records",
    "记账凭证": "Journal entry",
    "设置项": "Setting",
    "评估对应照护等级": "Care level per assessment",
    "评估工具与复评": "Instrument and reassessment",
    "评估等级与照护等级的对应": "Assessment grade → care level",
    "评估结论（等级）对应的照护等级决定照护费标准。修改只影响今后的评估。":
        "The care level an assessment grade maps to decides the care fee. Changes affect future assessments only.",
    "评估设置已保存。": "Assessment settings saved.",
    "请选择保存位置": "Choose where to save",
    "转入应收": "To receivable",
    "转入预收": "To prepayment",
    "退款": "Refund",
    "通知": "Notice",
    "金额（分）": "Amount (fen)",
    "餐费": "Meals",
    "（开发中）": " (in development)",
    "，去世时": ", at death",
    "，只能查看评估设置。": "; you can only view the assessment settings.",
}

# ---------------------------------------------------------------------------
# (context, Chinese source) → English, where a context needs other words
# ---------------------------------------------------------------------------
IN_CONTEXT: dict[tuple[str, str], str] = {
    # navigation and page titles name the whole area
    ("MainWindow", "住户"): "Residents",
    ("MainWindow", "床位"): "Beds",
    ("MainWindow", "账单与收款"): "Billing",  # the navigation list is 150 px wide
    ("SettingsPage", "机构信息"): "Centre",
    ("SettingsPage", "用户"): "Users",
    ("UsersPage", "用户"): "Users",
    ("RoomDialog", "床位"): "Beds",
    ("ContactsTable", "代理人"): "Agent",
    # beds page: figures and the room detail
    ("BedsPage", "请假"): "On leave",
    ("BedsPage", "床位"): "Beds",
    ("CentrePage", "护理型床位"): "Nursing beds",
    # tooltip: "<bed type data> bed", e.g. "护理型 bed"
    ("BedMapCanvas", "床位"): " bed",
    # narrow table columns
    ("ResidentsModel", "入住日期"): "Admitted",
    ("ResidentsModel", "政策类别"): "Categories",
    ("ResidentsModel", "户籍"): "Household reg.",
    ("ResidentsPage", "入住日期"): "Admitted",
    ("ResidentsPage", "政策类别"): "Categories",
    ("AssessmentsPage", "即时评估申请"): "Request immediate assessment",
    ("AuditPage", "修改"): "Changed",
    ("AuditPage", "新增"): "Added",
    ("AuditPage", "删除"): "Removed",
    ("AuditPage", "床位"): "Bed",
    ("AuditPage", "联系人"): "Contacts",
    ("ResidentDialog", "登记入住"): "Admit resident",
    ("DischargeDialog", "去世登记"): "Record death",
    # The swallowing combo's text is stored as the assessment's data and read
    # back with setCurrentText() (assessment_form.py), so translating it would
    # store "Yes"/"No" and show Chinese records wrongly. Kept until the combo
    # stores item data instead of its text.
    ("AssessmentFormDialog", "无"): "无",
    ("AssessmentFormDialog", "有"): "有",
}

def _area_dicts() -> None:
    """Merge scripts/translations_en/<area>.py (``EN`` dicts) into EN."""
    import importlib.util

    for path in sorted((Path(__file__).resolve().parent / "translations_en").glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"translations_en_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for k, v in getattr(mod, "EN", {}).items():
            EN.setdefault(k, v)


_area_dicts()

# Sources deliberately left as they are (see IN_CONTEXT); reported, not an error.
KEPT_AS_SOURCE = {k for k, v in IN_CONTEXT.items() if v == k[1]}

_PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")
_ACCEL = re.compile(r"&(?!&)[^\s&]")


def english(context: str, source: str) -> str | None:
    if (context, source) in IN_CONTEXT:
        return IN_CONTEXT[(context, source)]
    return EN.get(source)


def placeholder_problem(source: str, text: str) -> str | None:
    """Why ``text`` cannot translate ``source`` (placeholders, accelerators), or None."""
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
        return "placeholders differ"
    if bool(_ACCEL.search(source)) != bool(_ACCEL.search(text)):
        return "& accelerator differs"
    if not text.strip():
        return "empty translation"
    return None


# ---------------------------------------------------------------------------
# Reading the sources: tr()/translate() calls, including those in f-strings
# ---------------------------------------------------------------------------
def ui_files(ui_dir: Path = UI_DIR) -> list[Path]:
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def _call_name(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return None


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_messages(files: list[Path] | None = None) -> dict[tuple[str, str], list[tuple[Path, int]]]:
    """(context, source) → locations of every ``tr("…")`` (context: the
    enclosing class, as lupdate and PySide6 use it) and
    ``translate("Context", "…")`` with literal arguments."""
    found: dict[tuple[str, str], list[tuple[Path, int]]] = {}

    def visit(node: ast.AST, cls: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                name = _call_name(child)
                key = None
                if name == "tr" and child.args and cls is not None:
                    src = _const(child.args[0])
                    if src is not None:
                        key = (cls, src)
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(child.args) >= 2:
                    ctx, src = _const(child.args[0]), _const(child.args[1])
                    if ctx is not None and src is not None:
                        key = (ctx, src)
                if key is not None:
                    found.setdefault(key, []).append((path, child.lineno))
            visit(child, inner, path)

    for path in files if files is not None else ui_files():
        visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), None, path)
    return found


# ---------------------------------------------------------------------------
# The .ts file
# ---------------------------------------------------------------------------
def ts_messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out[(name, m.findtext("source") or "")] = m
    return out


def _sort_key(msg: ET.Element) -> tuple[str, int]:
    loc = msg.find("location")
    if loc is None:
        return ("", 0)
    return (loc.get("filename", ""), int(loc.get("line", "0").lstrip("+") or 0))


def supplement(root: ET.Element, found: dict[tuple[str, str], list[tuple[Path, int]]],
               ts_dir: Path) -> list[tuple[str, str]]:
    """Add the messages lupdate missed; returns their keys."""
    have = ts_messages(root)
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    added = []
    for (ctx_name, src), locations in sorted(found.items()):
        if (ctx_name, src) in have:
            continue
        ctx = contexts.get(ctx_name)
        if ctx is None:  # a new context, in lupdate's alphabetical order
            ctx = ET.Element("context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
            pos = next((i for i, c in enumerate(root) if c.tag == "context"
                        and (c.findtext("name") or "") > ctx_name), len(root))
            root.insert(pos, ctx)
        msg = ET.Element("message")
        for path, line in sorted(locations):
            ET.SubElement(msg, "location", filename=os.path.relpath(path, ts_dir).replace(os.sep, "/"),
                          line=str(line))
        ET.SubElement(msg, "source").text = src
        ET.SubElement(msg, "translation", type="unfinished")
        # before the first message of the same file that comes later, else last
        key = _sort_key(msg)
        pos = next((i for i, m in enumerate(ctx) if m.tag == "message"
                    and _sort_key(m)[0] == key[0] and _sort_key(m) > key), len(ctx))
        ctx.insert(pos, msg)
        added.append((ctx_name, src))
    return added


def fill(root: ET.Element) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """Write the English into every message; returns (missing, bad)."""
    missing: list[tuple[str, str]] = []
    bad: list[tuple[str, str, str]] = []
    for (ctx_name, src), msg in ts_messages(root).items():
        text = english(ctx_name, src)
        if text is None:
            missing.append((ctx_name, src))
            continue
        problem = placeholder_problem(src, text)
        if problem:
            bad.append((ctx_name, src, problem))
            continue
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            for _ in range(2):  # English: singular, plural
                ET.SubElement(tr, "numerusform").text = text
        else:
            tr.text = text
    return missing, bad


def _protect(s: str) -> str:
    """Escape like lupdate does."""
    out = []
    for ch in s:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif (ord(ch) < 0x20 and ch not in "\r\n\t") or (ord(ch) > 0x7f and ch.isspace()):
            out.append(f"&#x{ord(ch):x};")  # lupdate writes U+3000 and the like as references
        else:
            out.append(ch)
    return "".join(out)


def _attrs(el: ET.Element) -> str:
    return "".join(f' {k}="{_protect(v)}"' for k, v in el.attrib.items())


def _emit(el: ET.Element, depth: int, out: list[str]) -> None:
    pad = "    " * depth
    if len(el):
        out.append(f"{pad}<{el.tag}{_attrs(el)}>")
        for child in el:
            _emit(child, depth + 1, out)
        out.append(f"{pad}</{el.tag}>")
    elif el.tag == "location":
        out.append(f"{pad}<{el.tag}{_attrs(el)}/>")
    else:
        out.append(f"{pad}<{el.tag}{_attrs(el)}>{_protect(el.text or '')}</{el.tag}>")


def write_ts(root: ET.Element, path: Path) -> None:
    """Write in lupdate's own layout, so a later lupdate run changes nothing."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{_attrs(root)}>"]
    for child in root:
        if child.tag == "context":
            out.append("<context>")
            for sub in child:
                _emit(sub, 1, out)
            out.append("</context>")
        else:
            _emit(child, 0, out)
    out.append("</TS>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ts_path = Path(argv[0]).resolve() if argv else TS_FILE
    root = ET.parse(ts_path).getroot()
    found = source_messages()
    added = supplement(root, found, ts_path.parent)
    missing, bad = fill(root)
    write_ts(root, ts_path)
    total = len(ts_messages(root))
    if added:
        print(f"translate_en: added {len(added)} message(s) lupdate did not extract (tr() inside f-strings):")
        for ctx_name, src in added:
            locs = ", ".join(f"{p.relative_to(ROOT)}:{n}" for p, n in found[(ctx_name, src)])
            print(f"    {ctx_name}: {src!r}  ({locs})")
    if KEPT_AS_SOURCE:
        print(f"translate_en: {len(KEPT_AS_SOURCE)} message(s) kept in Chinese on purpose: "
              + ", ".join(f"{c}:{s}" for c, s in sorted(KEPT_AS_SOURCE)))
    if missing or bad:
        print(f"translate_en: ERROR: {len(missing)} source string(s) have no English, "
              f"{len(bad)} translation(s) are malformed. Add them to EN (or IN_CONTEXT) in "
              f"{Path(__file__).relative_to(ROOT)}:", file=sys.stderr)
        for ctx_name, src in sorted(missing):
            print(f"    missing  {ctx_name}: {src!r}", file=sys.stderr)
        for ctx_name, src, problem in sorted(bad):
            print(f"    {problem}  {ctx_name}: {src!r} → {english(ctx_name, src)!r}", file=sys.stderr)
        return 1
    print(f"translate_en: {total} messages translated ({len({s for _, s in ts_messages(root)})} distinct "
          f"source strings) in {ts_path.relative_to(ROOT) if ts_path.is_relative_to(ROOT) else ts_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
