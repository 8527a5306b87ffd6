"""English for 首页 (the home page: today's figures, the month charts, the
details table) and the contracts page's banner of residents in a bed with
no contract.

Terms: 首页 Home, 入住 admission, 离院 discharge, 空床位 free beds, 在床未签合同
in a bed without a contract, 待退押金 refunds due, 逾期 overdue, 欠费 arrears /
owes, 年度公开 annual disclosure, 补贴申报 subsidy claims, 备份 backup."""
EN = {
    # -- the page ---------------------------------------------------------------------------
    "首页": "Home",
    "%1　%2　%3（%4）": "%1  %2  %3 (%4)",
    "星期一": "Monday",
    "星期二": "Tuesday",
    "星期三": "Wednesday",
    "星期四": "Thursday",
    "星期五": "Friday",
    "星期六": "Saturday",
    "星期日": "Sunday",
    "%1 项需要处理": "%1 need attention",
    "立即备份…": "Back up now…",
    # -- tiles ------------------------------------------------------------------------------
    "今日入住": "Admitted today",
    "今日离院": "Leaving today",
    "空床位": "Free beds",
    "在床未签合同": "In a bed, no contract",
    "待评估住户": "Assessments due",
    "逾期未退押金": "Overdue refunds",
    "欠费住户": "Residents in arrears",
    "补贴申报提醒": "Subsidy reminders",
    "数据备份": "Backup",
    "今天开始入住的住户": "Residents whose stay begins today",
    "今天是最后入住日的住户（退住或去世）": "Residents whose last day is today (discharge or death)",
    "今天没有住户的启用床位": "Active beds with nobody in them today",
    "今天占用床位、却没有合同覆盖今天的住户：他们不会被计费":
        "Residents in a bed today whom no contract covers today: they are never billed",
    "即将到期或已逾期的评估": "Assessments coming due or overdue",
    "服务已结束、押金尚未退还的住户（含逾期）": "Service ended, deposit not yet refunded (overdue included)",
    "已超过退还期限仍未退还的押金": "Deposits still held after the refund deadline",
    "有未付费用的住户及欠费合计（账龄分析）": "Residents with unpaid charges and the total (ageing)",
    "上一年度财务收支情况公开的报送期限": "Deadline for last year's financial disclosure",
    "可申报的补贴、未提交的草稿、缺少的参数和到期证件":
        "Claims open now, drafts not submitted, missing figures and expiring certificates",
    "审计日志中最近一次数据库备份；超过7天提醒": "The last database backup in the audit log; a reminder after 7 days",
    "逾期%1天": "%1 days overdue",
    "还剩%1天": "%1 days left",
    "%1前报送": "Due by %1",
    "无待办": "Nothing due",
    "已报送": "Submitted",
    "从未备份": "Never",
    "请备份数据库": "Please back up the database",
    "%1天前": "%1 days ago",
    "请及时备份": "Back up soon",
    "共%1张床": "of %1 beds",
    "不会被计费": "Never billed",
    "其中逾期%1人": "%1 overdue",
    # -- charts -----------------------------------------------------------------------------
    "入住床位（近12个月）": "Beds occupied (12 months)",
    "每月收入": "Income by month",
    "押金专户余额": "Deposits held",
    # -- the details table ------------------------------------------------------------------
    "提醒": "Reminder",
    "最后入住日": "Last day",
    "报送期限": "Due by",
    "备份日期": "Backed up on",
    "最早欠费": "Oldest unpaid",
    "押金余额": "Deposit held",
    "备份文件": "Backup file",
    "%1：%2 条": "%1: %2",
    "合计 %1": "Total %1",
    "没有需要处理的事项": "Nothing to do",
    "在“%1”页打开": "Open in %1",
    # -- the contracts page's banner ---------------------------------------------------------
    "%1 位住户在床却没有合同覆盖今天，不会被计费：": "%1 residents are in a bed with no contract covering today and are never billed: ",
    "等%1人，全部显示": "show all %1",
    "点击姓名为其签订合同": "Click a name to sign a contract",
}
