"""English for the billing-mode control on the 月度计费 tab."""
EN = {
    "按月预收": "Monthly in advance",
    "按月后付": "Monthly after the month",
    "计费方式": "Billing",
    "按月预收：月初收取当月床位费、护理费，伙食费及请假、变更差额在次月计费时结算；按月后付：每月结束后按实际计费":
        "In advance: the month's bed and care fees at its start, meals and leave or change differences settled "
        "with the next month's billing; after the month: each month billed on the actual days once it is over",
}
