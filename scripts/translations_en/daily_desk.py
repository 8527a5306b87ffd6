"""English for issue 12: the cash desk's open bills and payment history, the
register's totals row, the bed picker's roommates and prices, the 夫妻同住
confirmation and 登记入住 from a free bed on the bed map."""

EN = {
    "%1/月": "%1/month",
    "同室：%1": "Roommates: %1",
    "房间无人": "Room empty",
    "未定价": "No price",
    "空床，可入住（双击登记入住）": "Free bed (double-click to admit a resident)",
    "登记入住…": "Admit resident…",
    "登记新住户，入住床位 %1": "Register a new resident in bed %1",
    "%1 份合同": "%1 contracts",
    "为“%1”登记收款": "Take a payment from \"%1\"",
    "收款记录": "Payment history",
    "收款记录（%1 张）": "Payment history (%1 receipts)",
    "未付": "Unpaid",
    "未结账单": "Open bills",
    "未结账单（%1 笔）": "Open bills (%1)",
    "记账日期": "Posted",
    "请先在左侧选择住户": "Select a resident on the left first",
    "夫妻同住：已核实为夫妻，允许男女同住此房间": "Married couple: verified, a man and a woman may share this room",
    "该房间住有%1：男女不能同住一室，夫妻同住须确认": "This room has %1: men and women may not share a room unless a married couple is confirmed",
    "不在合同期内": "Not under contract today",
    "押金（专户）": "Deposit (escrow)",
    "未签合同": "No contract signed",
    "费用余额": "Fees balance",
}
