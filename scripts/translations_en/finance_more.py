"""English for the price-change actions of the 收费标准 tab."""
EN = {
    "按调价变更合同": "Apply to contracts",
    "在调价记录中选中一次调价：自生效日起受影响的合同按新价格变更（调价）":
        "Select a price change in the log: affected contracts take the new price from its effective date",
    "请先在调价记录中选中一次调价（首次定价不是调价）": "Select a price change in the log first (a first price is not a change)",
    "自%1起，使用“%2”的合同按新价格变更（调价）。住户应已收到调价告知书。继续？":
        "From %1, contracts charged for \"%2\" take the new price. Residents should have received the notice letters. Continue?",
}
