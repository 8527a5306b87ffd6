<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AgeingTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="892"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="894"/>
        <source>截至日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="898"/>
        <source>0-30天</source>
        <translation>0-30 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="898"/>
        <source>31-60天</source>
        <translation>31-60 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="898"/>
        <source>61-90天</source>
        <translation>61-90 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="899"/>
        <source>90天以上</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="900"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="901"/>
        <source>多收（贷方余额）</source>
        <translation>Overpaid (credit)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="901"/>
        <source>欠费合计</source>
        <translation>Total owed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="901"/>
        <source>最早欠费日期</source>
        <translation>Oldest unpaid since</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="932"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="935"/>
        <source>账龄合计 %1；应收账款（1121）余额 %2</source>
        <translation>Ageing total %1; accounts receivable (1121) balance %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="937"/>
        <source>两者相符</source>
        <translation>They agree</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="937"/>
        <source>两者不符，请核对账目</source>
        <translation>They differ: please check the accounts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="943"/>
        <source>导出欠费账龄</source>
        <translation>Export arrears ageing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="944"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>AmendContractDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="380"/>
        <source>变更合同</source>
        <translation>Amend contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="385"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="386"/>
        <source>现行条款</source>
        <translation>Current terms</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="389"/>
        <source>变更类型</source>
        <translation>Kind of change</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="393"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="401"/>
        <source>新照护等级</source>
        <translation>New care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="402"/>
        <source>新护理费（元/月）</source>
        <translation>New care fee (yuan/month)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="403"/>
        <source>新床位</source>
        <translation>New bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="404"/>
        <source>新床位费（元/月）</source>
        <translation>New bed fee (yuan/month)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="405"/>
        <source>新伙食费（元/日）</source>
        <translation>New meal rate (yuan/day)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="406"/>
        <source>留空的项目沿用现行条款；
照护等级或床位变化而未填价格时按收费标准</source>
        <translation>Empty fields keep the current terms;
a new care level or bed without a price takes the schedule&apos;s</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="409"/>
        <source>例如：复评后升级</source>
        <translation>e.g. higher level after reassessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="410"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="412"/>
        <source>老人本人或其代理人的姓名</source>
        <translation>Name of the resident or their agent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="415"/>
        <source>同意人</source>
        <translation>Consented by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="416"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="417"/>
        <source>保存变更</source>
        <translation>Save amendment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="418"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="438"/>
        <source>照护等级变更须经老人或代理人同意（必填）</source>
        <translation>A care level change needs the resident&apos;s or agent&apos;s consent (required)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="442"/>
        <source>可选；不填同意人则不记录同意</source>
        <translation>Optional; no consent is recorded without a name</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="258"/>
        <source>登记补贴批准</source>
        <translation>Record subsidy approval</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="262"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="265"/>
        <source>批准金额与申报金额不同时必填，如核减的行</source>
        <translation>Required when the approved amount differs from the claim, e.g. the rows cut</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="266"/>
        <source>申报</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="267"/>
        <source>申报金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="268"/>
        <source>%1（其中发给老人 %2）</source>
        <translation>%1 (of which to residents %2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="270"/>
        <source>批准金额（元）</source>
        <translation>Approved amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="271"/>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="272"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="276"/>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="276"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="276"/>
        <source>计入月数</source>
        <translation>Months counted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="277"/>
        <source>老人部分</source>
        <translation>Resident&apos;s share</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="277"/>
        <source>核减月数</source>
        <translation>Months cut</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="281"/>
        <source>核减了老人的月份时，在下表填写各人被核减的月数：其老人部分按月扣减，其余差额由机构部分承担。</source>
        <translation>When months of residents were not allowed, enter each resident&apos;s months cut below: their share is cut by those months; the rest of the difference falls on the centre&apos;s share.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="286"/>
        <source>核减的老人</source>
        <translation>Residents cut</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="291"/>
        <source>登记批准</source>
        <translation>Record approval</translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="200"/>
        <source>%1分</source>
        <translation>%1 pt</translation>
    </message>
</context>
<context>
    <name>AssessmentFormDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="468"/>
        <source>评估 %1 — %2</source>
        <translation>Assessment %1 — %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="470"/>
        <source>更正评估 %1 — %2</source>
        <translation>Correct assessment %1 — %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="471"/>
        <source>新建评估 — %1</source>
        <translation>New assessment — %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="512"/>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="641"/>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="963"/>
        <source>健康状况与诊断</source>
        <translation>Health and diagnoses</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="528"/>
        <source>打印评估报告</source>
        <translation>Print assessment report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="530"/>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="532"/>
        <source>保存评估</source>
        <translation>Save assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="535"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="576"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="580"/>
        <source>评估工具</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="583"/>
        <source>评估基准日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="588"/>
        <source>评估原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="591"/>
        <source>评估员1</source>
        <translation>Assessor 1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="593"/>
        <source>评估员2</source>
        <translation>Assessor 2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="599"/>
        <source>评估员</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="601"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="620"/>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="622"/>
        <source>信息提供者</source>
        <translation>Informant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="628"/>
        <source>必填：说明更正了什么、为什么（如：小便控制得分录入错误）</source>
        <translation>Required: what was corrected and why (e.g. urinary continence score entered wrongly)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="629"/>
        <source>更正说明</source>
        <translation>Correction note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="659"/>
        <source>其他ICD-10编码，如 I63.9、N18（多个用顿号或逗号分隔）</source>
        <translation>Other ICD-10 codes, e.g. I63.9, N18 (separate with commas)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="667"/>
        <source>疾病诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="672"/>
        <source>药名、剂量、用法，如：氨氯地平 5mg 每日一次</source>
        <translation>Drug, dose and frequency, e.g. amlodipine 5 mg once daily</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="674"/>
        <source>用药情况</source>
        <translation>Medication</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="684"/>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="695"/>
        <source>近%1天风险事件</source>
        <translation>Risk events (last %1 days)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="697"/>
        <source>处于昏迷状态</source>
        <translation>In a coma</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="701"/>
        <source>昏迷</source>
        <translation>Coma</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="710"/>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="710"/>
        <source>有</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="716"/>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="721"/>
        <source>未测</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="726"/>
        <source>压力性损伤</source>
        <translation>Pressure injury</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="728"/>
        <source>吞咽困难</source>
        <translation>Swallowing difficulty</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="730"/>
        <source>身高</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="732"/>
        <source>体重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="734"/>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="737"/>
        <source>健康问题</source>
        <translation>Health problems</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="742"/>
        <source>可选</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="743"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="795"/>
        <source>该评估已被更正，请更正最新的那份</source>
        <translation>This assessment has been corrected; correct the latest version instead</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="802"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="819"/>
        <source>评估结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="825"/>
        <source>评估编号 %1，由 %2 于 %3 录入</source>
        <translation>Assessment %1, entered by %2 on %3</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="828"/>
        <source>本评估更正了 %1</source>
        <translation>This assessment corrects %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="830"/>
        <source>已被 %1 更正，以更正后的评估为准</source>
        <translation>Corrected by %1; the corrected assessment applies</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="834"/>
        <source>正在更正评估 %1（%2）：保存后原评估保留备查并标记为“已被更正”，其尚未生效的照护等级变更随之撤销。</source>
        <translation>Correcting assessment %1 (%2): on saving, the original is kept for reference and marked &quot;corrected&quot;, and any of its care level changes not yet in effect are withdrawn.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="841"/>
        <source>，只能查看</source>
        <translation>; view only</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="966"/>
        <source>合计 %1 次</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="971"/>
        <source>将记录：%1</source>
        <translation>Will record: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="973"/>
        <source>无法识别的编码：%1（ICD-10编码形如 F01、I10.0）</source>
        <translation>Unrecognised codes: %1 (ICD-10 codes look like F01, I10.0)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="978"/>
        <source>全部项目已评分，可以保存（Ctrl+S）</source>
        <translation>All items scored; ready to save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1108"/>
        <source>没有%1分这一项，可选：%2</source>
        <translation>No option scores %1; choose from: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1116"/>
        <source>%1… 再按 %2</source>
        <translation>%1… then press %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1174"/>
        <source>无法保存，请修改标出的 %1 处问题：</source>
        <translation>Cannot save. Correct the marked problems (%1):</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1177"/>
        <source>……共 %1 个项目</source>
        <translation>… (%1 items in all)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1200"/>
        <source>更正评估时请在“更正说明”中写明更正了什么、为什么</source>
        <translation>When correcting an assessment, state what was corrected and why in &quot;Correction note&quot;</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1205"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1245"/>
        <source>放弃录入</source>
        <translation>Discard entries</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1245"/>
        <source>本次评估尚未保存，确定放弃已录入的内容吗？</source>
        <translation>This assessment has not been saved. Discard what you have entered?</translation>
    </message>
</context>
<context>
    <name>AssessmentSettingsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="107"/>
        <source>，只能查看评估设置。</source>
        <translation>; you can only view the assessment settings.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="112"/>
        <source>评估工具与复评</source>
        <translation>Instrument and reassessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="120"/>
        <source>评估工具</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="121"/>
        <source>更换评估工具只影响今后的新评估：已保存的评估仍按原评估工具计分、显示和打印。</source>
        <translation>Changing the instrument affects new assessments only: saved assessments keep their instrument for scoring, display and printing.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="127"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="129"/>
        <source>复评间隔</source>
        <translation>Reassessment interval</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="132"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="134"/>
        <source>到期前提醒</source>
        <translation>Remind before due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="135"/>
        <source>复评到期前这么多天起，住户出现在“评估 → 待评估”清单中。</source>
        <translation>From this many days before a reassessment is due, the resident appears in the Assessments → Due list.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="141"/>
        <source>评估等级与照护等级的对应</source>
        <translation>Assessment grade → care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="143"/>
        <source>评估结论（等级）对应的照护等级决定照护费标准。修改只影响今后的评估。</source>
        <translation>The care level an assessment grade maps to decides the care fee. Changes affect future assessments only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="167"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="169"/>
        <source>撤销修改</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="264"/>
        <source>评估设置已保存。</source>
        <translation>Assessment settings saved.</translation>
    </message>
</context>
<context>
    <name>AssessmentsModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="226"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="226"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="226"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="226"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="226"/>
        <source>工具</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="227"/>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="227"/>
        <source>初步等级</source>
        <translation>Preliminary level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="227"/>
        <source>最终等级</source>
        <translation>Final level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="227"/>
        <source>评估对应照护等级</source>
        <translation>Care level per assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="228"/>
        <source>评估员</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="228"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="587"/>
        <source>待评估</source>
        <extracomment>emitted when a form dialog opens (tests drive it) emitted with a written report&apos;s path</extracomment>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="588"/>
        <source>待确认的照护等级变更</source>
        <translation>Pending care level changes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="589"/>
        <source>评估记录</source>
        <translation>All assessments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="590"/>
        <source>个人评估历史</source>
        <translation>Resident history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="612"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="721"/>
        <source>新建评估</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="613"/>
        <source>即时评估申请</source>
        <translation>Request immediate assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="614"/>
        <source>显示全部在住住户（含未到期）</source>
        <translation>Show all residents in residence (including not yet due)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="629"/>
        <source>红色：已逾期；橙色：即将到期。复评间隔与提醒天数在“设置 → 评估”中设定；身体状况变化时请登记“即时评估申请”。</source>
        <translation>Red: overdue; orange: due soon. The reassessment interval and reminder days are set in &quot;Settings → Assessments&quot;; when a resident&apos;s condition changes, file an &quot;Immediate assessment request&quot;.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="641"/>
        <source>记录同意</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="642"/>
        <source>记录不同意</source>
        <translation>Record refusal</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="644"/>
        <source>查看评估</source>
        <translation>View assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="657"/>
        <source>依据《养老机构管理办法》，变更照护等级须经老人或其代理人同意：同意之日起按新等级照护和收费；不同意时维持原等级，可申请复评。</source>
        <translation>Under the Measures for the Administration of Elderly Care Institutions, a care level change needs the consent of the resident or their agent: from the day of consent, care and fees follow the new level; without consent the current level stays and a reassessment may be requested.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="675"/>
        <source>筛选：住户、编号、评估员、等级</source>
        <translation>Filter: resident, number, assessor, level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="679"/>
        <source>评估日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="681"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="689"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="722"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="690"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="724"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="692"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="726"/>
        <source>打印报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="694"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="728"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="696"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="716"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="744"/>
        <source>照护等级变更</source>
        <translation>Care level change</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="803"/>
        <source>已逾期 %1 人，即将到期 %2 人</source>
        <translation>Overdue: %1, due soon: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="805"/>
        <source>待评估（%1）</source>
        <translation>Due (%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="817"/>
        <source>共 %1 项</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="818"/>
        <source>待确认的照护等级变更（%1）</source>
        <translation>Pending care level changes (%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="834"/>
        <source>共 %1 份</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="835"/>
        <source>显示 %1 份，共 %2 份</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="869"/>
        <source>当前照护等级：%1</source>
        <translation>Current care level: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="869"/>
        <source>（尚未确定）</source>
        <translation>(not yet set)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="912"/>
        <source>请先选择一位住户</source>
        <translation>Select a resident first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="913"/>
        <source>请先选择一项待确认的变更</source>
        <translation>Select a pending change first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="914"/>
        <source>请先选择一份评估</source>
        <translation>Select an assessment first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="929"/>
        <source>在打印机上打印评估报告（先预览；预览中也可另存为PDF）</source>
        <translation>Print the assessment report on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="933"/>
        <source>该评估已被更正，请更正最新的那份</source>
        <translation>This assessment has been corrected; correct the latest version instead</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="940"/>
        <source>“%1”目前%2，不能再做评估</source>
        <translation>&quot;%1&quot; is currently %2 and cannot be assessed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1003"/>
        <source>评估已保存</source>
        <translation>Assessment saved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1005"/>
        <source>打印评估报告</source>
        <translation>Print assessment report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1006"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1060"/>
        <source>评估报告 %1</source>
        <translation>Assessment report %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1074"/>
        <source>保存评估报告</source>
        <translation>Save assessment report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1074"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1082"/>
        <source>评估报告已保存：%1</source>
        <translation>Assessment report saved: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1085"/>
        <source>评估报告已保存</source>
        <translation>Assessment report saved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1101"/>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1114"/>
        <source>导出评估记录</source>
        <translation>Export assessments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1102"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1109"/>
        <source>已导出 %1 份评估：%2</source>
        <translation>Assessments exported (%1): %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="1112"/>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
</context>
<context>
    <name>AssetsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="410"/>
        <source>购置资产…</source>
        <translation>Buy asset…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="411"/>
        <source>登记已有资产…</source>
        <translation>Register existing asset…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="412"/>
        <source>计提折旧…</source>
        <translation>Depreciate…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="420"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="420"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="420"/>
        <source>原值</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="420"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="476"/>
        <source>启用日期</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="420"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="475"/>
        <source>资产类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="421"/>
        <source>残值</source>
        <translation>Salvage</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="421"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="421"/>
        <source>月折旧额</source>
        <translation>Monthly dep.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="421"/>
        <source>累计折旧</source>
        <translation>Acc. dep.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="421"/>
        <source>使用年限
(月)</source>
        <translation>Life
(months)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="422"/>
        <source>净值</source>
        <translation>Net value</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="422"/>
        <source>购置凭证</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="442"/>
        <source>购置凭证%1：审核后才计提折旧</source>
        <translation>Purchase voucher %1: the asset depreciates once it is reviewed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="453"/>
        <source>共 %1 项&#x3000;原值合计 %2&#x3000;累计折旧 %3&#x3000;净值 %4</source>
        <translation>%1 assets   Cost %2   Accumulated depreciation %3   Net value %4</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="472"/>
        <source>赊购（记应付账款）</source>
        <translation>On credit (accounts payable)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="474"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="475"/>
        <source>资产名称</source>
        <translation>Asset name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="476"/>
        <source>原值（元）</source>
        <translation>Cost (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="477"/>
        <source>使用年限（月）</source>
        <translation>Useful life (months)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="477"/>
        <source>预计净残值（元）</source>
        <translation>Salvage value (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="478"/>
        <source>使用部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="480"/>
        <source>元，开始使用本系统前已提的折旧</source>
        <translation>yuan, depreciation charged before using this app</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="481"/>
        <source>YYYY-MM，如 2024-12</source>
        <translation>YYYY-MM, e.g. 2024-12</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="483"/>
        <source>购置日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="483"/>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="486"/>
        <source>期初累计折旧（元）</source>
        <translation>Opening accumulated depreciation (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="487"/>
        <source>已提折旧截至月份</source>
        <translation>Charged through (month)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="501"/>
        <source>购置固定资产</source>
        <translation>Asset purchase</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="501"/>
        <source>登记已有资产</source>
        <translation>Register existing asset</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="502"/>
        <source>登记资产卡片并生成购置凭证（待审核）。</source>
        <translation>Registers the asset card and its purchase voucher (to be reviewed).</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="503"/>
        <source>为账上已有的资产（期初或已手工记账）登记卡片，不生成凭证。</source>
        <translation>A card for an asset already on the books (opening balances or a voucher entered by hand); no voucher is made.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="504"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="513"/>
        <source>计提折旧</source>
        <translation>Depreciation</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="513"/>
        <source>计提</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="513"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="515"/>
        <source>按直线法计提所选月份的固定资产折旧；同一月份只计提一次。</source>
        <translation>Posts straight-line depreciation of the fixed assets for the chosen month; a month is posted once only.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="229"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="229"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="229"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="229"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="229"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="230"/>
        <source>对象编号</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="230"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="230"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="40"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="109"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="110"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="163"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="41"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="330"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="42"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="71"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="164"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="43"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="69"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="89"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="113"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="44"/>
        <source>机构</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="45"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="46"/>
        <source>能力评估</source>
        <translation>Ability assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="47"/>
        <source>照护等级变更</source>
        <translation>Care level change</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="48"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="49"/>
        <source>住户名册</source>
        <translation>Resident roster</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="50"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="51"/>
        <source>记账凭证</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="52"/>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="53"/>
        <source>收费标准</source>
        <translation>Fee price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="54"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="126"/>
        <source>会计期间</source>
        <translation>Accounting period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="55"/>
        <source>结账</source>
        <translation>Period close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="56"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="156"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="157"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="57"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="152"/>
        <source>收据</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="58"/>
        <source>计费</source>
        <translation>Billing run</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="65"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="66"/>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="68"/>
        <source>房间类型</source>
        <translation>Room type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="70"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="134"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="72"/>
        <source>床位号</source>
        <translation>Bed number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="73"/>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="74"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="75"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="76"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="77"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="78"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="79"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="80"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="81"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="82"/>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="83"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="84"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="85"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="86"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="87"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="88"/>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="67"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="162"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="90"/>
        <source>首日</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="91"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="92"/>
        <source>预计返院</source>
        <translation>Expected return</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="93"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="94"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="95"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="96"/>
        <source>机构性质</source>
        <translation>Centre type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="97"/>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="98"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="99"/>
        <source>核定床位数</source>
        <translation>Approved beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="100"/>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="101"/>
        <source>户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="102"/>
        <source>账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="103"/>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="104"/>
        <source>最后一天</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="105"/>
        <source>评估基准日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="106"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="128"/>
        <source>照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="107"/>
        <source>最终等级</source>
        <translation>Final level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="108"/>
        <source>评估工具</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="111"/>
        <source>各项得分</source>
        <translation>Item scores</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="112"/>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="114"/>
        <source>复评间隔（月）</source>
        <translation>Reassessment interval (months)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="115"/>
        <source>等级对应照护等级</source>
        <translation>Grade → care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="116"/>
        <source>同意人</source>
        <translation>Consented by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="117"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="118"/>
        <source>与住户关系</source>
        <translation>Relationship to resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="119"/>
        <source>申请日期</source>
        <translation>Request date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="120"/>
        <source>更正的评估</source>
        <translation>Corrected assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="121"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="122"/>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="123"/>
        <source>文件校验值（SHA-256）</source>
        <translation>File checksum (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="124"/>
        <source>包括已离院住户</source>
        <translation>Include departed residents</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="125"/>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="127"/>
        <source>安全副本</source>
        <translation>Safety copy</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="129"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="130"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="131"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="132"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="133"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="135"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="136"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="521"/>
        <source>这条记录没有修改前后的内容。</source>
        <translation>This entry has no before and after content.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="531"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="532"/>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="533"/>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="618"/>
        <source>校验了%1条记录。</source>
        <translation>Checked %1 entries.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="620"/>
        <source>第一处异常在第%1条。</source>
        <translation>The first problem is at entry %1.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="554"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="554"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="557"/>
        <source>打印审计日志</source>
        <translation>Print audit log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="557"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="572"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="140"/>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="141"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="142"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="143"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="144"/>
        <source>付款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="145"/>
        <source>参考号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="146"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="147"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="148"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="149"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="188"/>
        <source>凭证</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="150"/>
        <source>分录</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="151"/>
        <source>红冲的凭证</source>
        <translation>Reversed entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="153"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="154"/>
        <source>作废日期</source>
        <translation>Void date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="155"/>
        <source>作废凭证</source>
        <translation>Voiding entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="158"/>
        <source>签约人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="159"/>
        <source>期限</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="160"/>
        <source>押金</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="161"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="165"/>
        <source>入住记录</source>
        <translation>Stays</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="166"/>
        <source>请假记录</source>
        <translation>Leave history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="167"/>
        <source>床位记录</source>
        <translation>Bed history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="168"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="169"/>
        <source>事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="170"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="171"/>
        <source>名册行</source>
        <translation>Roster row</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="172"/>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="173"/>
        <source>护理型床位</source>
        <translation>Nursing bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="174"/>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="175"/>
        <source>餐费</source>
        <translation>Meals</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="176"/>
        <source>照护费</source>
        <translation>Care fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="177"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="178"/>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="179"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="180"/>
        <source>人工调整</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="181"/>
        <source>通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="182"/>
        <source>按类别</source>
        <translation>By kind</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="183"/>
        <source>转入预收</source>
        <translation>To prepayment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="184"/>
        <source>转入应收</source>
        <translation>To receivable</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="186"/>
        <source>押金超额</source>
        <translation>Deposit above cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="187"/>
        <source>变更的合同</source>
        <translation>Contracts changed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="59"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="296"/>
        <source>审计日志</source>
        <extracomment>every write is audited, so any change may add rows</extracomment>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="137"/>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="193"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="138"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="139"/>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="185"/>
        <source>冲抵预收</source>
        <translation>Prepayment applied</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="189"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="190"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="191"/>
        <source>申报金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="192"/>
        <source>批准金额</source>
        <translation>Amount approved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="194"/>
        <source>筛选条件</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="298"/>
        <source>每一次修改都会记录：谁、何时、改了什么。记录只增不改，并以哈希链防篡改。</source>
        <translation>Every change is recorded: who, when and what. Entries are never altered, and a hash chain guards against tampering.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="306"/>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="314"/>
        <source>审计日志只对管理员、会计和审计人员开放。您的角色（%1）没有“%2”的权限。</source>
        <translation>The audit log is open to administrators, accountants and auditors only. Your role (%1) does not have the &quot;%2&quot; permission.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="332"/>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="335"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="337"/>
        <source>全部对象</source>
        <translation>All objects</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="341"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="343"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="343"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="343"/>
        <source>最近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="344"/>
        <source>最近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="344"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="344"/>
        <source>指定日期…</source>
        <translation>Custom range…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="355"/>
        <source>搜索操作或修改内容，如 姓名、房间号</source>
        <translation>Search actions or changes, e.g. a name or room number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="359"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="363"/>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="364"/>
        <source>把当前筛选出的审计记录导出为Excel工作簿</source>
        <translation>Export the audit records matching the filter to an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="367"/>
        <source>打印PDF…</source>
        <translation>Print to PDF…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="368"/>
        <source>把当前筛选出的审计记录生成PDF，用于打印</source>
        <translation>Make a PDF of the audit records matching the filter, for printing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="398"/>
        <source>选择一条记录，查看修改前后逐项对比。</source>
        <translation>Select an entry to compare before and after, field by field.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="481"/>
        <source>共 %1 条</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="483"/>
        <source>（只显示最近的%1条，请缩小筛选范围）</source>
        <translation>(only the latest %1 are shown; narrow the filter)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="523"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="524"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="525"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="581"/>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="597"/>
        <source>✗ %1处金额或权限数据与审计记录不符</source>
        <translation>✗ %1 money or permission rows differ from the audit trail</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="603"/>
        <source>校验发现以下数据被直接改动（与审计记录不符），请核查：</source>
        <translation>These rows were changed directly (they differ from the audit trail); please investigate:</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="606"/>
        <source>✓ 金额与权限数据一致（%1行）</source>
        <translation>✓ Money and permission data match (%1 rows)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="608"/>
        <source>当前锚点：%1（可抄下，日后用 eldercare audit verify --anchor 核对）</source>
        <translation>Current anchor: %1 (note it down; check it later with eldercare audit verify --anchor)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="611"/>
        <source>✓ 审计链完整（%1条）</source>
        <translation>✓ Audit chain intact (%1 entries)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/audit.py" line="616"/>
        <source>✗ 审计链异常：%1</source>
        <translation>✗ Audit chain broken: %1</translation>
    </message>
</context>
<context>
    <name>BedChooser</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="59"/>
        <source>正在载入空床位…</source>
        <extracomment>wide enough for the hints and error messages (with dates) on one or two lines a bed to choose once loaded (登记入住 from a free bed on the bed map)</extracomment>
        <translation>Loading vacant beds…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="64"/>
        <source>%1/月</source>
        <translation>%1/month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="65"/>
        <source>未定价</source>
        <translation>No price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="67"/>
        <source>同室：%1</source>
        <translation>Roommates: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="69"/>
        <source>房间无人</source>
        <translation>Room empty</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="80"/>
        <source>%1 没有空床位（请先在“床位”页面添加房间和床位）</source>
        <translation>No vacant beds on %1 (add rooms and beds on the &quot;Beds&quot; page first)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="86"/>
        <source>请选择床位</source>
        <translation>Select a bed</translation>
    </message>
</context>
<context>
    <name>BedDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="250"/>
        <source>新增床位</source>
        <translation>Add bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="255"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="257"/>
        <source>床位号</source>
        <translation>Bed number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="258"/>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
</context>
<context>
    <name>BedDraftModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="41"/>
        <source>床位号</source>
        <translation>Bed number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="41"/>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="99"/>
        <source>护理型床位</source>
        <translation>Nursing bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="76"/>
        <source>勾选为护理型床位，不勾选为普通床位</source>
        <translation>Ticked: nursing bed; unticked: standard bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="99"/>
        <source>普通床位（勾选改为护理型）</source>
        <translation>Standard bed (tick for nursing)</translation>
    </message>
</context>
<context>
    <name>BedMapCanvas</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="296"/>
        <source>%1间 · %2床 · 空床 %3 · 请假 %4</source>
        <translation>%1 rooms · %2 beds · %3 vacant · %4 on leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="327"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="405"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="459"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="330"/>
        <source>空 %1</source>
        <translation>%1 free</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="330"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="332"/>
        <source>已满</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="392"/>
        <source>%1床</source>
        <translation>Bed %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="394"/>
        <source>护理型</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="394"/>
        <source>普通</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="403"/>
        <source>空床</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="411"/>
        <source>请假中</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="413"/>
        <source>在住</source>
        <translation>In residence</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="413"/>
        <source>已入住</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="415"/>
        <source>可入住</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="417"/>
        <source>房间停用</source>
        <translation>Room inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="417"/>
        <source>床位停用</source>
        <translation>Bed inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="452"/>
        <source>床位</source>
        <translation> bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="455"/>
        <source>双击打开住户档案</source>
        <translation>Double-click to open the resident&apos;s record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="457"/>
        <source>空床，可入住（双击登记入住）</source>
        <translation>Free bed (double-click to admit a resident)</translation>
    </message>
</context>
<context>
    <name>BedsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="559"/>
        <source>床位图</source>
        <translation>Bed map</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="565"/>
        <source>新增房间…</source>
        <translation>Add room…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="567"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="576"/>
        <source>总床位</source>
        <translation>Total beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="577"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="770"/>
        <source>已入住</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="578"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="665"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="770"/>
        <source>空床</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="579"/>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="580"/>
        <source>护理型床位占比</source>
        <translation>Nursing bed share</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="593"/>
        <source>查看日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="597"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="603"/>
        <source>查找住户姓名或床位号</source>
        <translation>Find a resident or bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="613"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="627"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="647"/>
        <source>未分楼栋</source>
        <translation>No building</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="649"/>
        <source>%1栋</source>
        <translation>Building %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="654"/>
        <source>地下%1层</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="655"/>
        <source>%1层</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="665"/>
        <source>在住</source>
        <translation>In residence</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="665"/>
        <source>请假（床位保留）</source>
        <translation>On leave (bed kept)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="666"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="772"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="788"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="666"/>
        <source>护理型床位</source>
        <translation>Nursing bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="686"/>
        <source>点击床位或房间查看详情。
双击有人入住的床位可打开住户档案；方向键可在床位间移动。</source>
        <translation>Click a bed or room to see the details.
Double-click an occupied bed to open the resident&apos;s record; the arrow keys move between beds.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="700"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="700"/>
        <source>房间类型</source>
        <translation>Room type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="701"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="796"/>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="701"/>
        <source>床位状态</source>
        <translation>Bed status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="702"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="702"/>
        <source>住户状态</source>
        <translation>Resident status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="708"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="959"/>
        <source>打开住户档案</source>
        <translation>Open resident record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="711"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="962"/>
        <source>登记入住…</source>
        <translation>Admit resident…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="721"/>
        <source>床位管理</source>
        <translation>Manage beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="724"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="821"/>
        <source>改为护理型床位</source>
        <translation>Make nursing bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="726"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="822"/>
        <source>停用床位</source>
        <translation>Deactivate bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="728"/>
        <source>新增床位…</source>
        <translation>Add bed…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="730"/>
        <source>编辑房间…</source>
        <translation>Edit room…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="732"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="824"/>
        <source>停用房间</source>
        <translation>Deactivate room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="767"/>
        <source>床位 %1</source>
        <translation>Bed %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="771"/>
        <source>已入住（住户请假，床位保留）</source>
        <translation>Occupied (resident on leave, bed kept)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="779"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="780"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="791"/>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="793"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="784"/>
        <source>房间 %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="786"/>
        <source>%1张（护理型 %2张）</source>
        <translation>%1 (%2 nursing)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="789"/>
        <source>空床 %1张</source>
        <translation>%1 vacant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="796"/>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="816"/>
        <source>登记新住户，入住床位 %1</source>
        <translation>Register a new resident in bed %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="821"/>
        <source>改为普通床位</source>
        <translation>Make standard bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="822"/>
        <source>启用床位</source>
        <translation>Activate bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="824"/>
        <source>启用房间</source>
        <translation>Activate room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="832"/>
        <source>先在床位图上选择一张床位</source>
        <translation>Select a bed on the map first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="835"/>
        <source>先在床位图上选择一个房间或床位</source>
        <translation>Select a room or bed on the map first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="873"/>
        <source>全部楼栋</source>
        <translation>All buildings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="891"/>
        <source>%1个房间</source>
        <translation>Rooms: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="893"/>
        <source>入住率 %1%</source>
        <translation>Occupancy %1%</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="895"/>
        <source>可安排入住</source>
        <translation>Ready for admission</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="896"/>
        <source>床位保留</source>
        <translation>Beds kept</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="897"/>
        <source>仅显示今天的请假</source>
        <translation>Leave shown for today only</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="901"/>
        <source>还没有床位 · 目标≥%1%</source>
        <translation>No beds yet · target ≥%1%</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="905"/>
        <source>%1/%2张 · 目标≥%3% · %4</source>
        <translation>%1/%2 · target ≥%3% · %4</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="906"/>
        <source>已达标</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="906"/>
        <source>未达标</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="909"/>
        <source>政策配置：%1</source>
        <translation>Policy profile: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="911"/>
        <source>今天 %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="914"/>
        <source>正在查看 %1 的入住情况（请假状态只显示今天的）</source>
        <translation>Showing occupancy on %1 (leave is shown for today only)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="924"/>
        <source>还没有房间。点击“新增房间”添加第一个房间。</source>
        <translation>No rooms yet. Click &quot;Add room&quot; to add the first one.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="925"/>
        <source>还没有房间。</source>
        <translation>No rooms yet.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="938"/>
        <source>找到 %1 处</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/beds.py" line="939"/>
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>BillingTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="309"/>
        <source>运行计费</source>
        <translation>Run billing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="310"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="450"/>
        <source>结账</source>
        <translation>Period close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="311"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="455"/>
        <source>导出登记表</source>
        <translation>Export register</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="314"/>
        <source>按月预收</source>
        <translation>Monthly in advance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="315"/>
        <source>按月后付</source>
        <translation>Monthly after the month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="316"/>
        <source>按月预收：月初收取当月床位费、护理费，伙食费及请假、变更差额在次月计费时结算；按月后付：每月结束后按实际计费</source>
        <translation>In advance: the month&apos;s bed and care fees at its start, meals and leave or change differences settled with the next month&apos;s billing; after the month: each month billed on the actual days once it is over</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="319"/>
        <source>计费方式</source>
        <translation>Billing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="322"/>
        <source>计费月份</source>
        <translation>Billing month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="332"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="332"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="332"/>
        <source>床位费</source>
        <translation>Bed fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="332"/>
        <source>护理费</source>
        <translation>Care fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="332"/>
        <source>伙食费</source>
        <translation>Meals</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="333"/>
        <source>其他费用</source>
        <translation>Other fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="333"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="405"/>
        <source>合计</source>
        <extracomment>the 计费方式 setting&apos;s version when the page read it (services.versions)</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="336"/>
        <source>批次</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="336"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="336"/>
        <source>运行时间</source>
        <translation>Run at</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="336"/>
        <source>合同数</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="336"/>
        <source>新增行数</source>
        <translation>Lines added</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="337"/>
        <source>新增金额</source>
        <translation>Amount added</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="337"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="343"/>
        <source>计费登记表</source>
        <translation>Billing register</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="346"/>
        <source>计费记录</source>
        <translation>Billing runs</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="406"/>
        <source>%1 份合同</source>
        <translation>%1 contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="409"/>
        <source>%1 尚未计费</source>
        <translation>%1 has not been billed yet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="413"/>
        <source>计费规则：</source>
        <translation>Billing rule: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="417"/>
        <source>本月已结账</source>
        <translation>Month closed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="417"/>
        <source>本月未结账</source>
        <translation>Month open</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="422"/>
        <source>%1 已结账，不能再计费；更正请用红冲凭证</source>
        <translation>%1 is closed and cannot be billed again; correct it with a reversing entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="428"/>
        <source>正在计费 %1…</source>
        <translation>Billing %1…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="429"/>
        <source>月度计费 %1</source>
        <translation>Monthly billing %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="434"/>
        <source>%1
合同 %2 份，其中 %3 份有新增；新增计费行 %4 行，凭证 %5 张；新增应收 %6；预收款抵扣 %7</source>
        <translation>%1
%2 contracts, %3 with new lines; %4 bill lines and %5 journal entries added; receivables added %6; prepayments applied %7</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="448"/>
        <source>确定结账 %1？

结账后该月不能再记任何账（计费、收款、红冲都不能再记入该月）；以后发现的差错只能在未结账的月份用红冲（冲销）凭证更正。结账不能撤销。</source>
        <translation>Close %1?

A closed month takes no more entries (no billing, payments or reversals dated in it); errors found later can only be corrected with reversing entries in an open month. Closing cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="456"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>BooksTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="48"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="51"/>
        <source>科目余额表</source>
        <translation>Trial balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="51"/>
        <source>总账</source>
        <translation>General ledger</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="51"/>
        <source>明细账</source>
        <translation>Account detail</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="59"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="60"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="61"/>
        <source>在打印机上打印当前账簿（先预览；预览中也可另存为PDF）</source>
        <translation>Print the book on show on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="62"/>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="164"/>
        <source>保存文件</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="166"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="336"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>CareLevelModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="37"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="37"/>
        <source>等级名称</source>
        <translation>Grade name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="37"/>
        <source>对应照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="66"/>
        <source>%1级</source>
        <translation>Grade %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessment_settings.py" line="69"/>
        <source>双击或按F2修改</source>
        <translation>Double-click or press F2 to edit</translation>
    </message>
</context>
<context>
    <name>CashDeskTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="472"/>
        <source>搜索住户：姓名、拼音、床位</source>
        <translation>Search residents: name, pinyin, bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="481"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="627"/>
        <source>请选择住户</source>
        <translation>Select a resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="488"/>
        <source>收款…</source>
        <translation>Take payment…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="518"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="532"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="571"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="519"/>
        <source>补打收据</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="523"/>
        <source>收款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="531"/>
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="531"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="531"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="531"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="531"/>
        <source>流水号</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="532"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="490"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="630"/>
        <source>请先在左侧选择住户</source>
        <translation>Select a resident on the left first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="498"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="498"/>
        <source>记账日期</source>
        <translation>Posted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="498"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="498"/>
        <source>应收</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="498"/>
        <source>未付</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="501"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="532"/>
        <source>交款人</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="505"/>
        <source>未结账单</source>
        <translation>Open bills</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="508"/>
        <source>收款记录</source>
        <translation>Payment history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="520"/>
        <source>打印收据…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="521"/>
        <source>在收据打印机上打印选中的收据（先预览）</source>
        <translation>Print the selected receipt on the receipt printer (with a preview)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="532"/>
        <source>收款人</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="538"/>
        <source>收款日记账</source>
        <translation>Receipts journal</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="582"/>
        <source>截止日期早于起始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="590"/>
        <source>共 %1 张（作废 %2 张）；收款合计（不含作废）%3</source>
        <translation>%1 receipts (%2 voided); total received (excluding voided) %3</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="650"/>
        <source>为“%1”登记收款</source>
        <translation>Take a payment from &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="672"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="675"/>
        <source>未结账单（%1 笔）</source>
        <translation>Open bills (%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="681"/>
        <source>收款记录（%1 张）</source>
        <translation>Payment history (%1 receipts)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="697"/>
        <source>欠费</source>
        <translation>Owes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="697"/>
        <source>预收余额</source>
        <translation>Prepaid balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="697"/>
        <source>已结清</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="718"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="727"/>
        <source>打印收据</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="718"/>
        <source>收款已登记。现在打印收据吗？</source>
        <translation>The payment is recorded. Print the receipt now?</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="727"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="737"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="749"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="757"/>
        <source>请先选择收据</source>
        <translation>Select a receipt first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="740"/>
        <source>该收据已作废</source>
        <translation>This receipt is already void</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="71"/>
        <source>机构信息</source>
        <translation>Centre details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="77"/>
        <source>撤销修改</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="79"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="129"/>
        <source>与营业执照或登记证书一致</source>
        <translation>As on the business licence or registration certificate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="132"/>
        <source>18位，如 91500112MA5U7ABC1X</source>
        <translation>18 characters, e.g. 91500112MA5U7ABC1X</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="142"/>
        <source>如 023-67881234 或 13800000000</source>
        <translation>e.g. 023-67881234 or 13800000000</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="146"/>
        <source> 张</source>
        <translation> beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="149"/>
        <source>如 中国建设银行重庆渝北支行</source>
        <translation>e.g. China Construction Bank, Chongqing Yubei Branch</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="152"/>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="156"/>
        <source>只填数字，可带空格</source>
        <translation>Digits only; spaces allowed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="158"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="159"/>
        <source>机构名称</source>
        <translation>Centre name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="160"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="161"/>
        <source>机构性质</source>
        <translation>Centre type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="162"/>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="163"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="164"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="165"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="166"/>
        <source>核定床位数</source>
        <translation>Approved beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="170"/>
        <source>押金专户</source>
        <translation>Deposit escrow</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="171"/>
        <source>押金须存入专用账户，与经营资金分开管理；退住后10日内连同同期活期利息退还。</source>
        <translation>Deposits must be held in a dedicated account, separate from operating funds, and refunded with demand-deposit interest within 10 days of discharge.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="168"/>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="175"/>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="176"/>
        <source>户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="169"/>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="177"/>
        <source>账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="154"/>
        <source>如 中国工商银行重庆渝北支行</source>
        <translation>e.g. ICBC Chongqing Yubei Branch</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="167"/>
        <source>基本存款账户</source>
        <translation>Operating (basic) bank account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="191"/>
        <source>床位概况</source>
        <translation>Bed summary</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="199"/>
        <source>护理型床位占比</source>
        <translation>Nursing bed share</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="212"/>
        <source>实有床位</source>
        <translation>Beds in place</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="212"/>
        <source>护理型床位</source>
        <translation>Nursing beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="213"/>
        <source>已入住</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="213"/>
        <source>空床</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="214"/>
        <source>核定床位</source>
        <translation>Approved beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="220"/>
        <source>床位在“床位”页面管理；护理型床位占比按启用的床位计算。</source>
        <translation>Beds are managed on the &quot;Beds&quot; page; the nursing bed share counts active beds only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="242"/>
        <source>只读：</source>
        <translation>Read-only: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="242"/>
        <source>，只能查看。</source>
        <translation>; view only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="268"/>
        <source>%1（护理型床位目标≥%2%）</source>
        <translation>%1 (nursing bed target ≥%2%)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="304"/>
        <source>尚未填写机构信息</source>
        <translation>Centre details not filled in yet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="339"/>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="365"/>
        <source>选填；填写后将核对校验位</source>
        <translation>Optional; the check character is verified when filled in</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="369"/>
        <source>已输入 %1/18 位</source>
        <translation>%1/18 characters entered</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="378"/>
        <source>✓ 校验通过</source>
        <translation>✓ Valid</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="397"/>
        <source>已达到%1的目标（≥%2%）</source>
        <translation>Meets the %1 target (≥%2%)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="397"/>
        <source>未达到%1的目标（≥%2%）</source>
        <translation>Below the %1 target (≥%2%)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="399"/>
        <source>还没有床位；%1的目标为≥%2%</source>
        <translation>No beds yet; the %1 target is ≥%2%</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="402"/>
        <source>%1张（%2个房间）</source>
        <translation>%1 (rooms: %2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="403"/>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="406"/>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="415"/>
        <source>%1张</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="404"/>
        <source>%1张（入住率 %2%）</source>
        <translation>%1 (occupancy %2%)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="409"/>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="412"/>
        <source>%1张（实有床位多于核定床位）</source>
        <translation>%1 (fewer than the beds in place)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="431"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/centre.py" line="446"/>
        <source>未保存：请修改标红的项目</source>
        <translation>Not saved: correct the fields marked in red</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="178"/>
        <source>登记资格证书</source>
        <translation>Record certificate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="185"/>
        <source>有有效期</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="186"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="187"/>
        <source>证书等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="188"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="189"/>
        <source>发证日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="190"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="191"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="149"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="155"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="156"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="157"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="158"/>
        <source>再次输入新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="165"/>
        <source>请输入原密码</source>
        <translation>Enter your current password</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="201"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="201"/>
        <source>评估编号</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="201"/>
        <source>原等级 → 新等级</source>
        <translation>Old → new level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="202"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="202"/>
        <source>同意人</source>
        <translation>Consented by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="202"/>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="203"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="203"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="203"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="126"/>
        <source>勾稽校验</source>
        <translation>Cross-checks</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="134"/>
        <source>没有归类规则的现金收支（双击查看原始单据）：</source>
        <translation>Cash movements no rule classifies (double-click to see the source):</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="161"/>
        <source>%1项校验未通过</source>
        <translation>%1 check(s) failed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="163"/>
        <source>全部%1项校验通过</source>
        <translation>All %1 checks passed</translation>
    </message>
</context>
<context>
    <name>ClaimWizard</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="53"/>
        <source>新建补贴申报</source>
        <translation>New subsidy claim</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="74"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="79"/>
        <source>可选，如：经办人、报送单位</source>
        <translation>Optional, e.g. the person handling it, the office it goes to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="80"/>
        <source>补贴方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="81"/>
        <source>申报期间</source>
        <translation>Claim period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="82"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="93"/>
        <source>建立草稿</source>
        <translation>Create draft</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="103"/>
        <source>正在读取补贴方案…</source>
        <translation>Reading the schemes…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="117"/>
        <source>机构的政策配置没有补贴方案：请在“设置 → 机构信息”中选择所在地区</source>
        <translation>The centre&apos;s policy profile has no subsidy schemes: choose the district in Settings → Centre details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="139"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="140"/>
        <source>出资方：%1&#x3000;补贴层级：%2</source>
        <translation>Funders: %1 - Layers: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="143"/>
        <source>申报材料：%1</source>
        <translation>Documents to attach: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="147"/>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="183"/>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="194"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="162"/>
        <source>默认为最近一个已结束的申报期</source>
        <translation>Defaults to the latest claim period that has ended</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="209"/>
        <source>%1：请选择其他期间</source>
        <translation>%1: choose another period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="212"/>
        <source>缺少参数，暂不能建立申报：%1</source>
        <translation>A figure is missing, so no claim can be made yet: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="215"/>
        <source>%1：没有符合条件的行，申报金额为0（选中一行查看原因）</source>
        <translation>%1: no row qualifies, the claim is 0 (select a row to see why)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="219"/>
        <source>%1：按今天的登记情况计算，申报合计 %2</source>
        <translation>%1: computed from today&apos;s registers, claim total %2</translation>
    </message>
</context>
<context>
    <name>ClaimsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="30"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="35"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="37"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="39"/>
        <source>新建申报…</source>
        <translation>New claim…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="40"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="41"/>
        <source>登记批准…</source>
        <translation>Record approval…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="42"/>
        <source>登记到账…</source>
        <translation>Record receipt…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="43"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="44"/>
        <source>登记系统外申领…</source>
        <translation>Record an earlier claim…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="45"/>
        <source>本系统启用前已申领并到账的补贴：计入累计上限和一次性补贴</source>
        <translation>A subsidy claimed and received before this system: it counts against caps and once-only subsidies</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="46"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="47"/>
        <source>导出XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="48"/>
        <source>提交后，各行及其检验依据按提交时的情况冻结</source>
        <translation>Submitting freezes the rows and their evidence as they are then</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="50"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="62"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="50"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="62"/>
        <source>申报号</source>
        <translation>Claim no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="62"/>
        <source>补贴方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="62"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="62"/>
        <source>申报金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="63"/>
        <source>其中机构</source>
        <translation>To centre</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="63"/>
        <source>其中老人</source>
        <translation>To residents</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="63"/>
        <source>批准金额</source>
        <translation>Amount approved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="63"/>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="64"/>
        <source>到账日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="112"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="112"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="112"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="113"/>
        <source>已到账</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="113"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="137"/>
        <source>共 %1 份</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="165"/>
        <source>选中一份申报查看各行、检验依据和合计</source>
        <translation>Select a claim to see its rows, the evidence of each test and the totals</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="166"/>
        <source>还没有补贴申报：点“新建申报…”选择补贴方案和期间</source>
        <translation>No subsidy claims yet: click &quot;New claim...&quot; to choose a scheme and a period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="173"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="192"/>
        <source>按今天的登记情况重新计算</source>
        <translation>recomputed from today&apos;s registers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="194"/>
        <source>提交时冻结的各行与依据</source>
        <translation>rows and evidence as frozen on submission</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="196"/>
        <source>批准 %1（%2）</source>
        <translation>approved %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="199"/>
        <source>批准备注：%1</source>
        <translation>approval note: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="201"/>
        <source>老人补贴已转入老人账户</source>
        <translation>residents&apos; share credited to their accounts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="201"/>
        <source>老人补贴已转账发放</source>
        <translation>residents&apos; share paid by bank transfer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="202"/>
        <source>老人补贴已现金发放</source>
        <translation>residents&apos; share paid in cash</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="203"/>
        <source>到账 %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="231"/>
        <source>提交%1（%2，%3）？

提交后各行及其检验依据将按现在的登记情况冻结，不再随登记变化。</source>
        <translation>Submit %1 (%2, %3)?

Submitting freezes every row and its evidence as the registers stand now; later changes to the registers no longer alter it.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="233"/>
        <source>提交补贴申报</source>
        <translation>Submit subsidy claim</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="265"/>
        <source>导出申报材料（PDF）</source>
        <translation>Export claim documents (PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="267"/>
        <source>导出申报明细（XLSX）</source>
        <translation>Export claim details (XLSX)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="267"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_claims.py" line="271"/>
        <source>正在生成%1…</source>
        <translation>Generating %1…</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="17"/>
        <source>老年人能力评估</source>
        <translation>Ability assessment of older adults</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="18"/>
        <source>按国家标准 GB/T 42195-2022《老年人能力评估规范》逐项评分：自理能力、基础运动能力、精神状态、感知觉与社会参与</source>
        <translation>Item-by-item scoring under the national standard GB/T 42195-2022 &quot;Specification for ability assessment of older adults&quot;: self-care, basic mobility, mental state, perception and social participation</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="19"/>
        <source>根据总分与调整规则得出能力等级（能力完好至能力完全丧失），并确定对应的照护等级</source>
        <translation>The ability level (from intact to completely lost) follows from the total score and the adjustment rules, and sets the matching care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="20"/>
        <source>照护等级决定合同中的护理费标准，也是补贴资格的依据</source>
        <translation>The care level sets the nursing fee in the contract and is the basis for subsidy eligibility</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="21"/>
        <source>复评提醒：定期复评到期、健康状况变化或请假返院后提示重新评估</source>
        <translation>Reassessment reminders: when a periodic reassessment is due, after a change in health, or on return from leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="22"/>
        <source>公办机构入住前必须评估；特困、孤寡、失能、高龄、失独老人优先</source>
        <translation>Public centres must assess before admission; priority for older people in extreme poverty, without family, disabled, of advanced age, or who have lost their only child</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="25"/>
        <source>服务合同</source>
        <translation>Service contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="26"/>
        <source>入住前与老人或其代理人签订书面服务合同：服务内容、服务项目、收费标准、争议解决方式</source>
        <translation>A written service contract with the resident or their agent before admission: services, service items, fees and dispute resolution</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="27"/>
        <source>床位费、护理费（按照护等级）、伙食费分项定价，每次调价留档并提前告知住户</source>
        <translation>Separate prices for the bed, nursing (by care level) and meals; every price change is kept on file and announced to residents in advance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="28"/>
        <source>合同到期、续签与提前终止；提前终止时未到期已交费用如数退还</source>
        <translation>Contract expiry, renewal and early termination; on early termination, fees paid for the remaining period are refunded in full</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="29"/>
        <source>打印合同文本（PDF），由老人或代理人签字</source>
        <translation>Print the contract (PDF) for the resident or agent to sign</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="32"/>
        <source>账单与收款</source>
        <translation>Billing &amp; payments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="33"/>
        <source>每月批量生成账单：床位费、护理费、伙食费（伙食费据实结算），请假天数按规则计算</source>
        <translation>Monthly bills in one batch: bed, nursing and meal fees (meals charged as actually used), with leave days counted by the rules</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="34"/>
        <source>登记收款并打印收据，金额同时以人民币大写显示</source>
        <translation>Record payments and print receipts, with amounts also written in Chinese capital numerals</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="35"/>
        <source>每月向住户提供费用清单和结算账目（月度对账单）</source>
        <translation>A monthly statement of charges and settlement for each resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="36"/>
        <source>已记账的凭证不可修改，更正以红冲方式记录；已结账的月份不能再记账</source>
        <translation>Posted vouchers cannot be changed and corrections are posted as reversals; closed months accept no further postings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="39"/>
        <source>押金专户</source>
        <translation>Deposit escrow</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="40"/>
        <source>押金只能用于老人入住期间的医疗等应急费用，且不超过月服务费的6倍（超出时提示并可退还超出部分）</source>
        <translation>Deposits may only cover emergency costs such as medical care during the stay and may not exceed 6 months&apos; service fees (any excess is flagged and can be refunded)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="41"/>
        <source>押金存入专用银行账户，与运营资金分开核算，作为对老人的负债入账</source>
        <translation>Deposits are kept in a dedicated bank account, accounted for apart from operating funds, and booked as a liability to the resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="42"/>
        <source>每笔扣款登记原因、日期和凭证</source>
        <translation>Every deduction records its reason, date and voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="43"/>
        <source>服务关系结束后10日内退还余额，并按银行同期活期存款利率计付利息</source>
        <translation>The balance is refunded within 10 days after the service ends, with interest at the bank&apos;s demand-deposit rate for the period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="44"/>
        <source>提醒：押金超限、逾期未退、漏计利息</source>
        <translation>Alerts: deposit over the limit, overdue refunds, missed interest</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="46"/>
        <source>即将推出</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="58"/>
        <source>此功能正在开发中，将在后续版本中提供。</source>
        <translation>This feature is under development and will come in a later version.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/coming.py" line="77"/>
        <source>本页将提供：</source>
        <translation>This page will provide:</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="39"/>
        <source>自查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="41"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="43"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="44"/>
        <source>在打印机上打印合规自查报告（先预览；预览中也可另存为PDF）</source>
        <translation>Print the compliance self-check report on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="49"/>
        <source>自查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="58"/>
        <source>自查项目 / 住户或记录</source>
        <translation>Rule / resident or record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="58"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="58"/>
        <source>情况</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="59"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="59"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="105"/>
        <source>✔ 符合</source>
        <translation>✔ Compliant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="105"/>
        <source>✘ 不符合</source>
        <translation>✘ Not compliant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="139"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="152"/>
        <source>导出合规自查报告</source>
        <translation>Export the compliance self-check report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="164"/>
        <source>合规自查报告%1</source>
        <translation>Compliance self-check report %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_compliance.py" line="167"/>
        <source>已生成：%1</source>
        <translation>Written: %1</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="32"/>
        <source>记录同意</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="32"/>
        <source>记录不同意</source>
        <translation>Record refusal</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="39"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="40"/>
        <source>评估编号</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="43"/>
        <source>照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="46"/>
        <source>老人本人或其代理人的姓名</source>
        <translation>Name of the resident or their agent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="60"/>
        <source>同意人</source>
        <translation>Consented by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="60"/>
        <source>表示不同意的人</source>
        <translation>Refused by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="62"/>
        <source>与老人关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="64"/>
        <source>新的照护等级自该日起生效</source>
        <translation>The new care level applies from this date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="65"/>
        <source>不同意时维持原照护等级，可申请复评</source>
        <translation>On refusal the current care level stays; a reassessment may be requested</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="68"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="70"/>
        <source>可选，例如：电话告知后到院签字</source>
        <translation>Optional, e.g. told by phone, then signed in person</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="71"/>
        <source>例如：家属对评估结果有异议，申请复评</source>
        <translation>e.g. the family disputes the result and asks for a reassessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/consent.py" line="72"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="49"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="49"/>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="49"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="49"/>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="90"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="62"/>
        <source>添加联系人</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="63"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="125"/>
        <source>建议至少登记一位联系人，并指定一位代理人</source>
        <translation>Add at least one contact and choose an agent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="127"/>
        <source>建议指定一位代理人（签订合同、退还押金时需要）</source>
        <translation>Choose an agent (needed for signing contracts and refunding the deposit)</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="154"/>
        <source>登记劳动合同</source>
        <translation>Record labour contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="158"/>
        <source>无固定期限</source>
        <translation>Open-ended</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="161"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="162"/>
        <source>合同起始日</source>
        <translation>Contract start</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="163"/>
        <source>合同截止日</source>
        <translation>Contract end</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="164"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="165"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>ContractsModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="51"/>
        <source>合同编号</source>
        <extracomment>names shown in the banner before “等N人” (all of them once expanded)</extracomment>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="51"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="51"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="51"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="51"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="52"/>
        <source>月服务费</source>
        <translation>Monthly service fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="52"/>
        <source>押金</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="52"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="52"/>
        <source>签订人</source>
        <translation>Signer</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="107"/>
        <source>服务合同</source>
        <extracomment>the path of a contract PDF just written</extracomment>
        <translation>Service contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="117"/>
        <source>搜索合同编号、姓名、拼音、床位、签订人</source>
        <translation>Search number, name, pinyin, bed, signer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="121"/>
        <source>生效</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="121"/>
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="122"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="127"/>
        <source>签订合同…</source>
        <translation>Sign contract…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="128"/>
        <source>变更…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="129"/>
        <source>终止…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="130"/>
        <source>终止结算记账</source>
        <translation>Post settlement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="131"/>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="413"/>
        <source>打印合同…</source>
        <translation>Print contract…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="132"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="133"/>
        <source>在打印机上打印合同（先预览；预览中也可另存为PDF）</source>
        <translation>Print the contract on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="134"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="206"/>
        <source>%1 位住户在床却没有合同覆盖今天，不会被计费：</source>
        <translation>%1 residents are in a bed with no contract covering today and are never billed: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="210"/>
        <source>等%1人，全部显示</source>
        <translation>show all %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="212"/>
        <source>点击姓名为其签订合同</source>
        <translation>Click a name to sign a contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="240"/>
        <source>显示 %1 份，共 %2 份合同</source>
        <translation>Showing %1 of %2 contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="290"/>
        <source>在左侧列表中选择一份合同查看详情</source>
        <translation>Select a contract on the left to see its details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="303"/>
        <source>甲方</source>
        <translation>Party A</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="304"/>
        <source>乙方（老人）</source>
        <translation>Party B (resident)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="306"/>
        <source>丙方（代理人）</source>
        <translation>Party C (agent)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="307"/>
        <source>签约人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="308"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="309"/>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="310"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="310"/>
        <source>合同期限</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="312"/>
        <source>现行月服务费</source>
        <translation>Current monthly service fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="313"/>
        <source>%1（上限 %2）</source>
        <translation>%1 (cap %2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="313"/>
        <source>押金</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="316"/>
        <source>押金超过上限%1，超出部分%2应退还</source>
        <translation>The deposit exceeds the cap %1; the excess %2 must be refunded</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="320"/>
        <source>约定价格原因</source>
        <translation>Reason for negotiated fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="321"/>
        <source>付款方式</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="324"/>
        <source>条款与变更</source>
        <translation>Terms and amendments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="335"/>
        <source>终止与结算</source>
        <translation>Termination and settlement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="357"/>
        <source>退还（负数为补收）</source>
        <translation>Refund (negative: owed)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>月服务费</source>
        <translation>Monthly service fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="326"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="336"/>
        <source>最后服务日</source>
        <translation>Last day of service</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="338"/>
        <source>终止原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="342"/>
        <source>按实际服务应补收%1已计入应收账款（凭证%2）</source>
        <translation>%1 owed for the service given, charged to receivables (entry %2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="343"/>
        <source>未到期费用%1已冲减应收账款（凭证%2）</source>
        <translation>Unexpired fees %1 credited to receivables (entry %2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="344"/>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="348"/>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="350"/>
        <source>结算</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="347"/>
        <source>未到期费用%1待会计记账</source>
        <translation>Unexpired fees %1 await posting by the accountant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="347"/>
        <source>按实际服务应补收%1待会计记账</source>
        <translation>%1 owed for the service given, awaiting posting by the accountant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="350"/>
        <source>没有需要退还的未到期费用</source>
        <translation>No unexpired fees to refund</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="352"/>
        <source>应退住户</source>
        <translation>Refund to resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="356"/>
        <source>已计费</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="356"/>
        <source>应收</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="356"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="356"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="363"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="372"/>
        <source>先在列表中选择一份合同</source>
        <translation>Select a contract in the list first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="381"/>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="459"/>
        <source>合同已终止</source>
        <translation>Contract terminated</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="391"/>
        <source>仅在已终止合同的结算待记账时可用</source>
        <translation>Only when a terminated contract&apos;s settlement awaits posting</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="441"/>
        <source>收费快照：</source>
        <translation>Fees agreed: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="442"/>
        <source>合同已签订</source>
        <translation>Contract signed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="451"/>
        <source>合同已变更</source>
        <translation>Contract amended</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="472"/>
        <source>终止结算已记账</source>
        <translation>Settlement posted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="498"/>
        <source>保存服务合同</source>
        <translation>Save service contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="499"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="507"/>
        <source>服务合同已保存：%1</source>
        <translation>Service contract saved: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/contracts.py" line="515"/>
        <source>服务合同已保存</source>
        <translation>Service contract saved</translation>
    </message>
</context>
<context>
    <name>CoupleConfirm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="128"/>
        <source>夫妻同住：已核实为夫妻，允许男女同住此房间</source>
        <translation>Married couple: verified, a man and a woman may share this room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="137"/>
        <source>该房间住有%1：男女不能同住一室，夫妻同住须确认</source>
        <translation>This room has %1: men and women may not share a room unless a married couple is confirmed</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="211"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="217"/>
        <source>数据库位置</source>
        <translation>Database location</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="220"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="222"/>
        <source>建议每天备份一次，并把备份文件另存到U盘或其他电脑。恢复会用备份文件替换当前全部数据，恢复前的数据会自动另存一份安全副本。</source>
        <translation>Back up once a day and keep a copy of the backup on a USB drive or another computer. Restoring replaces all current data with the backup; the data before the restore is saved as a safety copy first.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="227"/>
        <source>备份到文件…</source>
        <translation>Back up to file…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="228"/>
        <source>从备份文件恢复…</source>
        <translation>Restore from backup file…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="241"/>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="245"/>
        <source>上次备份</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="246"/>
        <source>每天自动备份一次（程序运行时；也可用计划任务运行 eldercare backup --auto）</source>
        <translation>Back up automatically once a day (while the program runs; or schedule eldercare backup --auto)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="249"/>
        <source>留空：数据库旁的 backups 文件夹</source>
        <translation>Empty: a backups folder beside the database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="250"/>
        <source>留空：本机数据文件夹中的 backups 文件夹（PostgreSQL）</source>
        <translation>Empty: the backups folder in this computer&apos;s data folder (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="251"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="254"/>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="255"/>
        <source>保留最新</source>
        <translation>Keep the newest</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="256"/>
        <source>保存自动备份设置</source>
        <translation>Save automatic backup settings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="278"/>
        <source>尚未备份过数据库，请立即备份</source>
        <translation>The database has never been backed up: back it up now</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="281"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="281"/>
        <source>%1天前</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="282"/>
        <source>%1（%2，%3）</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="285"/>
        <source>——已超过2天，请立即备份</source>
        <translation> — more than 2 days ago: back up now</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="297"/>
        <source>自动备份设置已保存</source>
        <translation>Automatic backup settings saved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="304"/>
        <source>备份完成。文件校验值（SHA-256）：%1</source>
        <translation>Backup complete. File checksum (SHA-256): %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="308"/>
        <source>已从备份恢复。恢复前的数据已另存为：%1</source>
        <translation>Restored from backup. The previous data was saved as: %1</translation>
    </message>
</context>
<context>
    <name>DeductDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="74"/>
        <source>扣除押金</source>
        <translation>Deduct from deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="76"/>
        <source>%1&#x3000;余额 %2</source>
        <translation>%1   balance %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="82"/>
        <source>如：120急救车及急诊费</source>
        <translation>e.g. ambulance and emergency fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="85"/>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="90"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="86"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="87"/>
        <source>扣除原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="88"/>
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="89"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="91"/>
        <source>扣除日期</source>
        <translation>Date of deduction</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="92"/>
        <source>扣除</source>
        <translation>Deduct</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="94"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="299"/>
        <source>科目代码或名称，如 1002 或 银行存款</source>
        <translation>Account code or name, e.g. 1002 or bank</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="309"/>
        <source>查询</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="316"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="317"/>
        <source>借或贷</source>
        <translation>Dr/Cr</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="317"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="319"/>
        <source>双击查看原始单据</source>
        <translation>Double-click to see the source document</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="324"/>
        <source>科目</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="327"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="352"/>
        <source>输入科目后按回车查询</source>
        <translation>Type an account and press Enter</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="360"/>
        <source>没有科目“%1”</source>
        <translation>There is no account &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="379"/>
        <source>%1&#x3000;余额方向：%2&#x3000;共%3笔</source>
        <translation>%1    normal balance: %2    %3 line(s)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="381"/>
        <source>期初余额</source>
        <translation>Opening balances</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="381"/>
        <source>本月合计</source>
        <translation>Month total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="381"/>
        <source>本期合计</source>
        <translation>Period total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="382"/>
        <source>期末余额</source>
        <translation>Closing balance</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="291"/>
        <source>去世登记</source>
        <translation>Record death</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="291"/>
        <source>办理退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="297"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="300"/>
        <source>去世日期</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="302"/>
        <source>退住日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="303"/>
        <source>退住日期为最后一个服务日，床位自次日起空出</source>
        <translation>The discharge date is the last day of service; the bed is free from the next day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="305"/>
        <source>例如：病故、医院</source>
        <translation>e.g. illness, in hospital</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="305"/>
        <source>例如：回家养老、转院</source>
        <translation>e.g. returning home, moving to another facility</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="306"/>
        <source>情况说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="306"/>
        <source>退住原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="307"/>
        <source>办理后住户记录仍保留，可在“已离院”中查看。押金余额须在10日内退还并计付活期利息。</source>
        <translation>The resident&apos;s record is kept and can be found under &quot;Departed&quot;. The deposit balance must be refunded within 10 days, with demand-deposit interest.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="309"/>
        <source>确认登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="309"/>
        <source>确认退住</source>
        <translation>Discharge</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="74"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="81"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="84"/>
        <source>印在报表签字栏</source>
        <translation>Printed at the statements&apos; signature line</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="86"/>
        <source>本年度开展的服务、人员与设施变化、收支与资金使用、接受捐赠、奖惩与公益活动等</source>
        <translation>Services provided this year, changes of staff and facilities, income, spending and use of funds, donations received, awards and public-interest work…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="87"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="89"/>
        <source>年度工作报告</source>
        <translation>Annual work report</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="92"/>
        <source>职工人数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="95"/>
        <source>会计机构负责人</source>
        <translation>Head of accounting</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="102"/>
        <source>生成公开材料（PDF+Excel）…</source>
        <translation>Make the disclosure package (PDF + Excel)…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="103"/>
        <source>打印预览公开材料…</source>
        <translation>Print preview of the package…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="104"/>
        <source>在打印机上打印公开材料（PDF部分，先预览；预览中也可另存为PDF）</source>
        <translation>Print the disclosure package (its PDF part) on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="105"/>
        <source>打印公示版…</source>
        <translation>Print the notice…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="106"/>
        <source>打印预览公示版…</source>
        <translation>Print preview of the notice…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="107"/>
        <source>在打印机上打印公示版（先预览；预览中也可另存为PDF）</source>
        <translation>Print the public notice on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="108"/>
        <source>登记已报送…</source>
        <translation>Record submission…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="164"/>
        <source>已于%1报送：%2</source>
        <translation>Submitted on %1 to %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="168"/>
        <source>尚未登记报送</source>
        <translation>Submission not recorded yet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="195"/>
        <source>选择保存公开材料的文件夹</source>
        <translation>Choose the folder for the disclosure package</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="201"/>
        <source>覆盖文件</source>
        <translation>Replace files</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="201"/>
        <source>以下文件已存在，要覆盖吗？
%1</source>
        <translation>These files already exist. Replace them?
%1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="204"/>
        <source>正在生成%1年度公开材料…</source>
        <translation>Making the FY%1 disclosure package…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="215"/>
        <source>%1年度财务收支情况公开</source>
        <translation>Financial disclosure for %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="225"/>
        <source>%1年度财务收支情况公示</source>
        <translation>Financial notice for %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="231"/>
        <source>保存公示版</source>
        <translation>Save the notice</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="237"/>
        <source>已生成：%1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="243"/>
        <source>已登记报送</source>
        <translation>Submission recorded</translation>
    </message>
</context>
<context>
    <name>DonationForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="346"/>
        <source>捐赠人</source>
        <translation>Donor</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="347"/>
        <source>捐赠金额</source>
        <translation>Amount donated</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="348"/>
        <source>限定性捐赠（限定用途或时间）</source>
        <translation>Restricted gift (purpose or time restricted)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="349"/>
        <source>限定内容</source>
        <translation>Restriction</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="173"/>
        <source>构成明细</source>
        <translation>Entries behind a figure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="175"/>
        <source>报表数：%1</source>
        <translation>Figure on the statement: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="176"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="176"/>
        <source>凭证/来源</source>
        <translation>Voucher / source</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="176"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="176"/>
        <source>科目</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="176"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="178"/>
        <source>双击查看原始单据</source>
        <translation>Double-click to see the source document</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="181"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="183"/>
        <source>双击一笔凭证（或选中后按回车）查看它的原始单据。</source>
        <translation>Double-click an entry (or select it and press Enter) to see its source document.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="199"/>
        <source>合计 %1（%2笔）</source>
        <translation>Total %1 (%2 entries)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="201"/>
        <source>合计与报表数一致</source>
        <translation>Total agrees with the statement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="204"/>
        <source>合计与报表数不一致（相差 %1）</source>
        <translation>Total differs from the statement (by %1)</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="153"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="153"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="153"/>
        <source>上次评估</source>
        <translation>Last assessed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="153"/>
        <source>上次等级</source>
        <translation>Last level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="154"/>
        <source>照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="154"/>
        <source>应评估日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="154"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="154"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="90"/>
        <source>修改用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="94"/>
        <source>启用（可以登录）</source>
        <translation>Active (can sign in)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="97"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="98"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="99"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="100"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>EscrowPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="209"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="210"/>
        <source>住户押金</source>
        <translation>Resident deposits</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="211"/>
        <source>利率表</source>
        <translation>Interest rates</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="212"/>
        <source>对账</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="241"/>
        <source>打印功能尚未安装（services.escrow_documents.%1）</source>
        <translation>Printing is not installed yet (services.escrow_documents.%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="261"/>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="276"/>
        <source>打印功能尚未安装</source>
        <translation>Printing is not installed yet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="263"/>
        <source>保存文件</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="267"/>
        <source>正在导出专户台账…</source>
        <translation>Exporting the escrow ledger…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="284"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ExcessRefundDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="178"/>
        <source>退还超限部分</source>
        <translation>Refund the excess</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="180"/>
        <source>%1：押金本金 %2，上限 %3，超出 %4</source>
        <translation>%1: deposit principal %2, cap %3, excess %4</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="186"/>
        <source>超限</source>
        <translation>Over cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="187"/>
        <source>退还日期</source>
        <translation>Refund date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="188"/>
        <source>退还方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="189"/>
        <source>退还</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="191"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExpenseForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="330"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="331"/>
        <source>业务部门金额</source>
        <translation>Amount for services</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="332"/>
        <source>管理部门金额</source>
        <translation>Amount for administration</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="333"/>
        <source>赊购（记应付账款）</source>
        <translation>On credit (accounts payable)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="334"/>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="61"/>
        <source>登记机构信息</source>
        <translation>Record centre fact</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="78"/>
        <source>如：批准文号、证书编号</source>
        <translation>e.g. approval document no., certificate no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="79"/>
        <source>事项</source>
        <translation>Fact</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="80"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="81"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="82"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="83"/>
        <source>补贴按申报期间最后一天有效的值计算；更正某日的值时，按同一生效日期重新登记即可替换。</source>
        <translation>A claim uses the value in force on the last day of its period; to correct a value, record it again with the same effective date.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="87"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="100"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="100"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="100"/>
        <source>不小于0的整数</source>
        <translation>A whole number, 0 or more</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="101"/>
        <source>数字</source>
        <translation>A number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="101"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="106"/>
        <source>从列表中选择</source>
        <translation>Choose from the list</translation>
    </message>
</context>
<context>
    <name>FactsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="29"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="46"/>
        <source>登记…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="30"/>
        <source>事项</source>
        <translation>Fact</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="30"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="30"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="54"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="30"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="31"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="34"/>
        <source>黑色为今天有效的值，灰色为此前的值；补贴按申报期间最后一天有效的值计算</source>
        <translation>Black: the value in force today, grey: earlier values; a claim uses the value in force on the last day of its period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="35"/>
        <source>机构事实（按生效日期）</source>
        <translation>Centre facts (by effective date)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="37"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="38"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="39"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="39"/>
        <source>设施</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="39"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="40"/>
        <source>新增床位数</source>
        <translation>New beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="40"/>
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="40"/>
        <source>竣工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="41"/>
        <source>产权</source>
        <translation>Property</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="41"/>
        <source>租期</source>
        <translation>Lease</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="43"/>
        <source>建设项目</source>
        <translation>Construction projects</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="47"/>
        <source>检查期间</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="47"/>
        <source>评级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="49"/>
        <source>半年检查评级</source>
        <translation>Half-yearly inspection grades</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="51"/>
        <source>设置…</source>
        <translation>Set…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="52"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="53"/>
        <source>已设置</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="53"/>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="53"/>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="54"/>
        <source>参数</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="54"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="55"/>
        <source>用于补贴方案</source>
        <translation>Used by schemes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="58"/>
        <source>补贴参数</source>
        <translation>Scheme parameters</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="190"/>
        <source>清除“%1”？清除后使用政策配置的默认值；没有默认值的补贴方案将不能申报。</source>
        <translation>Clear &quot;%1&quot;? The policy profile&apos;s default is used instead; a scheme without a default cannot be claimed.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_facts.py" line="191"/>
        <source>清除补贴参数</source>
        <translation>Clear scheme parameter</translation>
    </message>
</context>
<context>
    <name>FeeItemDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="31"/>
        <source>新增收费项目</source>
        <translation>New fee item</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="34"/>
        <source>床位费</source>
        <translation>Bed fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="34"/>
        <source>护理费</source>
        <translation>Care fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="34"/>
        <source>伙食费</source>
        <translation>Meals</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="35"/>
        <source>其他费用</source>
        <translation>Other fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="41"/>
        <source>项目编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="42"/>
        <source>收费类别</source>
        <translation>Fee category</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="43"/>
        <source>项目名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="46"/>
        <source>适用于</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="47"/>
        <source>计费单位</source>
        <translation>Billing unit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="60"/>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="63"/>
        <source>照护等级，如 自理、介护一级</source>
        <translation>Care level, e.g. self-care, nursing level 1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="65"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="86"/>
        <source>收费标准</source>
        <translation>Fee price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="87"/>
        <source>月度计费</source>
        <translation>Monthly billing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="88"/>
        <source>收款</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="89"/>
        <source>费用清单</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="90"/>
        <source>欠费账龄</source>
        <translation>Arrears ageing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="107"/>
        <source>导出功能尚未安装（services.exports.%1）</source>
        <translation>Export not available yet (services.exports.%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="135"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="47"/>
        <source>首次运行 — 养老机构管理系统</source>
        <translation>First run — Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="51"/>
        <source>欢迎使用养老机构管理系统</source>
        <translation>Welcome to Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="54"/>
        <source>这是第一次运行。请创建管理员账号：管理员可以填写机构信息、添加房间床位、为前台、会计和审计人员开设账号。请牢记密码。</source>
        <translation>This is the first run. Create the administrator account: the administrator can enter the centre&apos;s details, add rooms and beds, and open accounts for front desk, accounting and audit staff. Keep the password safe.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="61"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="62"/>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="121"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="63"/>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="66"/>
        <source>至少8个字符，同时包含字母和数字</source>
        <translation>At least 8 characters, with both letters and digits</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="67"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="70"/>
        <source>再次输入密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="73"/>
        <source>载入演示数据（一个已有住户、床位和历史记录的示例机构）</source>
        <translation>Load demo data (a sample centre with residents, beds and history)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="74"/>
        <source>用于熟悉软件。演示数据中的前台、会计、审计账号使用与管理员相同的密码。正式使用请勿勾选。</source>
        <translation>For getting to know the software. The demo front desk, accountant and auditor accounts use the administrator&apos;s password. Leave unticked for real use.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="84"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="94"/>
        <source>创建管理员</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="96"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="111"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="158"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="159"/>
        <source>管理员账号已创建，但演示数据未能载入：%1</source>
        <translation>The administrator account was created, but the demo data could not be loaded: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/first_run.py" line="166"/>
        <source>正在生成演示数据…</source>
        <translation>Creating demo data…</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="110"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="118"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="119"/>
        <source>更改将在下次启动程序时生效。语言设置保存在本机，只影响这台电脑。</source>
        <translation>Changes take effect the next time the program starts. The setting is stored on this computer only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="126"/>
        <source>自动锁定</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="127"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="127"/>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="126"/>
        <source>无人操作后锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="128"/>
        <source>前台电脑多人共用：无人操作达到设定时间后程序自动锁定，需输入当前用户的密码或切换用户才能继续。0 表示不自动锁定。只影响这台电脑。</source>
        <translation>Front-desk computers are shared: when nobody has used the program for this long it locks itself, and the current user&apos;s password (or switching user) is needed to continue. 0 means never lock. This applies to this computer only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="141"/>
        <source>其他电脑的修改</source>
        <translation>Changes made on other computers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="142"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="142"/>
        <source>不检查</source>
        <translation>Never check</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="141"/>
        <source>检查间隔</source>
        <translation>Check every</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="143"/>
        <source>多台电脑共用一个数据库时，每隔几秒检查其他电脑是否修改了正在显示的数据；有修改时页面上方提示“刷新”。0 表示不检查。只影响这台电脑。</source>
        <translation>When several computers share one database, this computer checks every few seconds whether another one changed the data on show; if so, a bar above the page offers &quot;Refresh&quot;. 0 means never check. Affects this computer only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="148"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="178"/>
        <source>已保存，下次启动时使用%1。</source>
        <translation>Saved. %1 will be used from the next start.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="185"/>
        <source>自动锁定：无人操作 %1 分钟后锁定。</source>
        <translation>Automatic lock: after %1 minutes idle.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="186"/>
        <source>自动锁定已关闭。</source>
        <translation>Automatic lock is off.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="193"/>
        <source>每 %1 秒检查一次其他电脑的修改。</source>
        <translation>Checking for changes made on other computers every %1 s.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="194"/>
        <source>已停止检查其他电脑的修改。</source>
        <translation>No longer checking for changes made on other computers.</translation>
    </message>
</context>
<context>
    <name>GradeChart</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="344"/>
        <source>最终能力等级变化</source>
        <translation>Final ability level over time</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="351"/>
        <source>● 有效评估&#x3000;○ 已被更正的评估&#x3000;（鼠标停在点上查看详情）</source>
        <translation>● Valid assessment   ○ Corrected assessment   (hover over a point for details)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="378"/>
        <source>尚无评估记录</source>
        <translation>No assessments yet</translation>
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="204"/>
        <source>登记检查评级</source>
        <translation>Record inspection grade</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="212"/>
        <source>如：检查单位、通报文号</source>
        <translation>e.g. inspecting office, notice no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="213"/>
        <source>检查期间</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="214"/>
        <source>评级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="215"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="216"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>HeldChart</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="140"/>
        <source>押金专户余额</source>
        <translation>Deposits held</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/help.py" line="24"/>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/help.py" line="36"/>
        <source># 使用指南

找不到使用指南文件：%1</source>
        <translation># User guide

The user guide file was not found: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/help.py" line="41"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="166"/>
        <source>首页</source>
        <extracomment>figures only (nothing to select or lose): another PC&apos;s change reloads them at once (ui/stale.py) (page key, filter): the main window opens that page on that list (see ``route``) after the figures were shown</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="175"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="200"/>
        <source>入住床位（近12个月）</source>
        <translation>Beds occupied (12 months)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="200"/>
        <source>每月收入</source>
        <translation>Income by month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="201"/>
        <source>押金专户余额</source>
        <translation>Deposits held</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="206"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="227"/>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="249"/>
        <source>今日入住</source>
        <translation>Admitted today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="250"/>
        <source>今日离院</source>
        <translation>Leaving today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="251"/>
        <source>空床位</source>
        <translation>Free beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="252"/>
        <source>在床未签合同</source>
        <translation>In a bed, no contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="253"/>
        <source>待评估住户</source>
        <translation>Assessments due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="254"/>
        <source>待退押金</source>
        <translation>Refunds due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="255"/>
        <source>逾期未退押金</source>
        <translation>Overdue refunds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="256"/>
        <source>欠费住户</source>
        <translation>Residents in arrears</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="257"/>
        <source>年度公开</source>
        <translation>Annual disclosure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="258"/>
        <source>补贴申报提醒</source>
        <translation>Subsidy reminders</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="259"/>
        <source>数据备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="264"/>
        <source>今天开始入住的住户</source>
        <translation>Residents whose stay begins today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="265"/>
        <source>今天是最后入住日的住户（退住或去世）</source>
        <translation>Residents whose last day is today (discharge or death)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="266"/>
        <source>今天没有住户的启用床位</source>
        <translation>Active beds with nobody in them today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="267"/>
        <source>今天占用床位、却没有合同覆盖今天的住户：他们不会被计费</source>
        <translation>Residents in a bed today whom no contract covers today: they are never billed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="268"/>
        <source>即将到期或已逾期的评估</source>
        <translation>Assessments coming due or overdue</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="269"/>
        <source>服务已结束、押金尚未退还的住户（含逾期）</source>
        <translation>Service ended, deposit not yet refunded (overdue included)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="270"/>
        <source>已超过退还期限仍未退还的押金</source>
        <translation>Deposits still held after the refund deadline</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="271"/>
        <source>有未付费用的住户及欠费合计（账龄分析）</source>
        <translation>Residents with unpaid charges and the total (ageing)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="272"/>
        <source>上一年度财务收支情况公开的报送期限</source>
        <translation>Deadline for last year&apos;s financial disclosure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="273"/>
        <source>可申报的补贴、未提交的草稿、缺少的参数和到期证件</source>
        <translation>Claims open now, drafts not submitted, missing figures and expiring certificates</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="274"/>
        <source>审计日志中最近一次数据库备份；超过7天提醒</source>
        <translation>The last database backup in the audit log; a reminder after 7 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="278"/>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="287"/>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="294"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="278"/>
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="278"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="279"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="279"/>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="296"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="280"/>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="280"/>
        <source>最后入住日</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="281"/>
        <source>本次入住</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="281"/>
        <source>应评估日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="282"/>
        <source>退还期限</source>
        <translation>Refund deadline</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="283"/>
        <source>最早欠费</source>
        <translation>Oldest unpaid</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="283"/>
        <source>报送期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="284"/>
        <source>备份日期</source>
        <translation>Backed up on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="284"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="285"/>
        <source>欠费</source>
        <translation>Owes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="285"/>
        <source>押金余额</source>
        <translation>Deposit held</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="286"/>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="286"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="290"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="290"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="290"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="290"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="290"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="291"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="291"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="294"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="294"/>
        <source>评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="295"/>
        <source>押金专户</source>
        <translation>Deposit escrow</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="295"/>
        <source>账单与收款</source>
        <translation>Billing &amp; payments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="295"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="296"/>
        <source>补贴申报</source>
        <translation>Subsidy claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="316"/>
        <source>%1&#x3000;%2&#x3000;%3（%4）</source>
        <translation>%1  %2  %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="322"/>
        <source>%1 项需要处理</source>
        <translation>%1 need attention</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="335"/>
        <source>逾期%1天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="336"/>
        <source>还剩%1天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="337"/>
        <source>%1前报送</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="339"/>
        <source>无待办</source>
        <translation>Nothing due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="339"/>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="342"/>
        <source>从未备份</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="342"/>
        <source>请备份数据库</source>
        <translation>Please back up the database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="344"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="344"/>
        <source>%1天前</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="345"/>
        <source>请及时备份</source>
        <translation>Back up soon</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="350"/>
        <source>共%1张床</source>
        <translation>of %1 beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="352"/>
        <source>不会被计费</source>
        <translation>Never billed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="355"/>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="359"/>
        <source>其中逾期%1人</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="370"/>
        <source>床位 %1</source>
        <translation>Bed %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="392"/>
        <source>%1：%2 条</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="393"/>
        <source>合计 %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="396"/>
        <source>没有需要处理的事项</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/home.py" line="400"/>
        <source>在“%1”页打开</source>
        <translation>Open in %1</translation>
    </message>
</context>
<context>
    <name>ImmediateRequestDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1258"/>
        <source>即时评估申请</source>
        <translation>Immediate assessment request</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1264"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1266"/>
        <source>如：跌倒后行动不便、住院返回、出现认知障碍</source>
        <translation>e.g. reduced mobility after a fall, back from hospital, signs of cognitive impairment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1268"/>
        <source>身体状况变化</source>
        <translation>Change in condition</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1270"/>
        <source>自该日起列入“待评估”，应尽快重新评估</source>
        <translation>Listed as &quot;Due&quot; from this date; reassess as soon as possible</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1272"/>
        <source>申请日期</source>
        <translation>Request date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="1273"/>
        <source>登记申请</source>
        <translation>File request</translation>
    </message>
</context>
<context>
    <name>InsuranceDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="205"/>
        <source>登记社保缴纳月份</source>
        <translation>Record social insurance months</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="208"/>
        <source>如 2026-01~2026-06, 2026-09</source>
        <translation>e.g. 2026-01~2026-06, 2026-09</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="209"/>
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="210"/>
        <source>改为未缴（撤销登记）</source>
        <translation>Not paid (undo)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="218"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="219"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="220"/>
        <source>缴纳情况</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="221"/>
        <source>区间用~连接，多段用逗号分隔；未登记的月份视为未缴。</source>
        <translation>Join a range with ~ and separate ranges with commas; a month not recorded counts as not paid.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="224"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="245"/>
        <source>未评</source>
        <translation>Not scored</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="230"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="235"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="237"/>
        <source>请假首日</source>
        <translation>First day of leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="240"/>
        <source>住院治疗</source>
        <translation>Hospital stay</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="240"/>
        <source>回家探亲</source>
        <translation>Family visit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="240"/>
        <source>外出</source>
        <translation>Outing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="240"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="243"/>
        <source>请填写或选择请假事由</source>
        <translation>Type or choose</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="244"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="248"/>
        <source>预计返院</source>
        <translation>Expected return</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="254"/>
        <source>返院日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="263"/>
        <source>护理员离职</source>
        <translation>Care worker leaves</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="266"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="267"/>
        <source>最后工作日</source>
        <translation>Last day worked</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="268"/>
        <source>晚于该日的劳动合同在该日终止；离职后不再计入以后月份的补贴。</source>
        <translation>A contract running past that day ends on it; later months no longer count for subsidies.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="272"/>
        <source>登记离职</source>
        <translation>Record leaving</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="228"/>
        <source>科目代码</source>
        <translation>Account code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="228"/>
        <source>科目名称</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="231"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="231"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="231"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="231"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="231"/>
        <source>借或贷</source>
        <translation>Dr/Cr</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="232"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="234"/>
        <source>双击查看本月明细账</source>
        <translation>Double-click to see the month&apos;s account detail</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="280"/>
        <source>%1&#x3000;余额方向：%2</source>
        <translation>%1    normal balance: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="281"/>
        <source>上年结转</source>
        <translation>Brought forward</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="281"/>
        <source>本月合计</source>
        <translation>Month total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="282"/>
        <source>本年累计</source>
        <translation>Year to date</translation>
    </message>
</context>
<context>
    <name>LinesGrid</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="111"/>
        <source>科目</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="111"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="111"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="111"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="112"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="124"/>
        <source>增加一行</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="125"/>
        <source>删除行</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="203"/>
        <source>借贷不平衡：借方合计 %1，贷方合计 %2</source>
        <translation>Not balanced: debits %1, credits %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="229"/>
        <source>借方合计 %1&#x3000;贷方合计 %2</source>
        <translation>Debit total %1   Credit total %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="232"/>
        <source>借贷平衡</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="236"/>
        <source>借贷不平衡：相差 %1</source>
        <translation>Not balanced: %1 difference</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="237"/>
        <source>借贷不平衡</source>
        <translation>Not balanced</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="70"/>
        <source>已锁定 — 养老机构管理系统</source>
        <translation>Locked — Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="76"/>
        <source>程序已锁定</source>
        <translation>The program is locked</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="81"/>
        <source>电脑一段时间无人操作，已自动锁定。
请 %1 输入密码继续，或切换为其他用户。</source>
        <translation>The computer was idle, so the program locked itself.
%1: enter your password to continue, or switch to another user.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="82"/>
        <source>页面内容已隐藏。
请 %1 输入密码继续，或切换为其他用户。</source>
        <translation>The pages are hidden.
%1: enter your password to continue, or switch to another user.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="94"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="95"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="101"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="103"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="116"/>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/lock.py" line="130"/>
        <source>只有锁定前的用户可以解锁；其他用户请点“切换用户”。</source>
        <translation>Only the user who was working can unlock; anyone else, click &quot;Switch user&quot;.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="38"/>
        <source>切换用户 — 养老机构管理系统</source>
        <translation>Switch user — Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="39"/>
        <source>登录 — 养老机构管理系统</source>
        <translation>Sign in — Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="43"/>
        <source>养老机构管理系统</source>
        <translation>Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="47"/>
        <source>请输入另一位用户的用户名和密码</source>
        <translation>Enter the other user&apos;s user name and password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="48"/>
        <source>请输入用户名和密码登录</source>
        <translation>Enter your username and password to sign in</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="58"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="59"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="65"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="75"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="78"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="78"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="89"/>
        <source>请输入用户名</source>
        <translation>Enter your username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/login.py" line="92"/>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="164"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="357"/>
        <source>养老机构管理系统</source>
        <extracomment>page keys, in navigation order pages not built yet (a placeholder page): marked &quot;（开发中）&quot; in the navigation a write waits for the database&apos;s write lock (seconds waited, attempt); emitted on the waiting (database) thread, delivered on the GUI thread set when the session ends for 注销 (``(&quot;logout&quot;, None)``) or 切换用户 (``(&quot;switch&quot;, actor)``); None when the window just closed</extracomment>
        <translation>Eldercare Centre Manager</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="177"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="178"/>
        <source>住户</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="179"/>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="180"/>
        <source>评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="181"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="182"/>
        <source>账单与收款</source>
        <translation>Billing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="183"/>
        <source>押金专户</source>
        <translation>Deposit escrow</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="184"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="185"/>
        <source>补贴申报</source>
        <translation>Subsidy claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="186"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="187"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="207"/>
        <source>（开发中）</source>
        <translation> (in development)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="231"/>
        <source>程序已锁定</source>
        <translation>The program is locked</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="240"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="241"/>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="243"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="245"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="248"/>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="250"/>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="252"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="269"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="270"/>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="275"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="723"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="288"/>
        <source>当前用户：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="294"/>
        <source>点击打开“报表 → 年度公开”</source>
        <translation>Click to open Reports → Annual disclosure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="354"/>
        <source>养老机构管理系统 — %1</source>
        <translation>Eldercare Centre Manager — %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="358"/>
        <source>尚未填写机构信息（设置 → 机构信息）</source>
        <translation>Centre details not filled in yet (Settings → Centre details)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="496"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="516"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="522"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="530"/>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="526"/>
        <source>没有权限</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="528"/>
        <source>记录不存在</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="532"/>
        <source>发生意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="533"/>
        <source>操作未能完成，数据未被修改。错误信息：%1</source>
        <translation>The operation did not complete; no data was changed. Error: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="562"/>
        <source>数据库正忙（其他操作正在写入），正在等待…</source>
        <translation>The database is busy (another operation is writing); waiting…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="576"/>
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="584"/>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="607"/>
        <source>已自动备份到 %1</source>
        <extracomment>first automatic-backup check after the window shows, then every hour</extracomment>
        <translation>Backed up automatically to %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="612"/>
        <source>自动备份未完成：%1</source>
        <translation>Automatic backup not made: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="627"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="636"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="637"/>
        <source>确定用备份文件
%1
替换当前的全部数据吗？

当前数据库会先另存一份安全副本；恢复后所有页面将重新载入。</source>
        <translation>Replace all current data with the backup file
%1?

A safety copy of the current database is saved first; all pages reload after the restore.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="657"/>
        <source>已从备份恢复。原数据的安全副本：%1</source>
        <translation>Restored from backup. Safety copy of the previous data: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="662"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="663"/>
        <source>已从备份恢复数据库。

恢复前的数据已另存为：
%1</source>
        <translation>The database was restored from the backup.

The previous data was saved as:
%1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="673"/>
        <source>备份未通过校验</source>
        <translation>The backup failed verification</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="675"/>
        <source>仍然恢复…</source>
        <translation>Restore anyway…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="691"/>
        <source>仍然恢复</source>
        <translation>Restore anyway</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="692"/>
        <source>请填写仍然恢复的理由（记入审计日志）：</source>
        <translation>Why restore anyway (recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="683"/>
        <source>请填写理由</source>
        <translation>Please give a reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="577"/>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="628"/>
        <source>数据库备份 (*.sqlite3 *.db *.pgdump *.dump);;所有文件 (*)</source>
        <translation>Database backups (*.sqlite3 *.db *.pgdump *.dump);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="724"/>
        <source>&lt;b&gt;养老机构管理系统&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;住户、床位、评估、合同、账单、押金专户、报表与补贴申报。&lt;br&gt;&lt;br&gt;数据库：%2</source>
        <translation>&lt;b&gt;Eldercare Centre Manager&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;Residents, beds, assessments, contracts, billing, deposit escrow, reports and subsidy claims.&lt;br&gt;&lt;br&gt;Database: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="855"/>
        <source>仍是当前用户</source>
        <translation>Still the same user</translation>
    </message>
</context>
<context>
    <name>MoveBedDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="195"/>
        <source>调床</source>
        <translation>Move bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="200"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="201"/>
        <source>当前床位</source>
        <translation>Current bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="201"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="203"/>
        <source>调床日期</source>
        <translation>Move date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="204"/>
        <source>自该日起住新床位，原床位到前一天为止</source>
        <translation>The new bed applies from this date; the old bed ends the day before</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="207"/>
        <source>新床位</source>
        <translation>New bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="210"/>
        <source>例如：照护等级变化、本人申请</source>
        <translation>e.g. care level change, resident&apos;s request</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="211"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="220"/>
        <source>请选择新床位</source>
        <translation>Select the new bed</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="59"/>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="62"/>
        <source>登录用，如 zhangli</source>
        <translation>For signing in, e.g. zhangli</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="64"/>
        <source>如 张丽</source>
        <translation>e.g. Zhang Li</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="69"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="70"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="71"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="72"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="73"/>
        <source>再次输入密码</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>NoAccessPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/main_window.py" line="120"/>
        <source>您的角色（%1）没有“%2”的权限，无法查看此页面。请联系管理员。</source>
        <extracomment>the window&apos;s size when it fits (client area), else the available area room left for the title bar and borders before the real frame is known</extracomment>
        <translation>Your role (%1) does not have the &quot;%2&quot; permission needed for this page. Please contact an administrator.</translation>
    </message>
</context>
<context>
    <name>OpeningDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="495"/>
        <source>期初余额</source>
        <translation>Opening balances</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="501"/>
        <source>启用年度</source>
        <translation>First year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="502"/>
        <source>录入启用年度1月1日资产、负债和净资产各科目的余额：借方合计须等于贷方合计。期初余额只能录入一次。</source>
        <translation>Enter the balance of each asset, liability and net asset account on 1 January of the first year: debits must equal credits. Opening balances can be entered once only.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="507"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="508"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="519"/>
        <source>记账日期 %1</source>
        <translation>Entry date %1</translation>
    </message>
</context>
<context>
    <name>OutsideClaimDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="24"/>
        <source>登记系统外申领</source>
        <translation>Record a claim made outside the system</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="37"/>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="38"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="48"/>
        <source>如：纸质申报，区民政局2024年拨付</source>
        <translation>e.g. paper claim, paid by the district civil affairs bureau in 2024</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="49"/>
        <source>补贴方案</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="50"/>
        <source>申报期间</source>
        <translation>Claim period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="51"/>
        <source>到账金额（元）</source>
        <translation>Amount received (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="52"/>
        <source>当时申领的对象</source>
        <translation>What it was claimed for</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="53"/>
        <source>计入的累计上限</source>
        <translation>Counts against the cap for</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="54"/>
        <source>到账日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="55"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="56"/>
        <source>用于本系统启用前已申领并到账的补贴：计入“从设立起”的累计上限，一次性补贴不再重复申报。不生成记账凭证（当时已入账）。</source>
        <translation>For subsidies claimed and received before this system was used: they count against caps &quot;since establishment&quot;, and once-only subsidies are not claimed again. No entry is posted (it was booked at the time).</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="61"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_outside.py" line="88"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="311"/>
        <source>专户押金余额</source>
        <translation>Escrow balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="312"/>
        <source>存有押金的住户数</source>
        <translation>Residents holding a deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="313"/>
        <source>期限内待退（10日内）</source>
        <translation>Due within the 10 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="314"/>
        <source>已逾期未退</source>
        <translation>Overdue refunds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="315"/>
        <source>超过上限</source>
        <translation>Over the cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="316"/>
        <source>最近对账</source>
        <translation>Last reconciliation</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="326"/>
        <source>点击查看明细</source>
        <translation>Click to see the list</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="331"/>
        <source>专户押金余额（月末）</source>
        <translation>Escrow balance (month end)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="343"/>
        <source>押金专户：%1&#x3000;户名：%2&#x3000;账号：%3</source>
        <translation>Escrow account: %1   Name: %2   No.: %3</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="349"/>
        <source>尚未登记押金专户（设置 → 机构信息）</source>
        <translation>No escrow account registered (Settings → Centre)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="352"/>
        <source>住户押金合计 %1</source>
        <translation>Residents&apos; deposits total %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="357"/>
        <source>最近期限 %1</source>
        <translation>Nearest deadline %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="360"/>
        <source>逾期退还已记录 %1 笔</source>
        <translation>%1 late refunds recorded</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="363"/>
        <source>超出合计 %1</source>
        <translation>Excess total %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="367"/>
        <source>尚未对账</source>
        <translation>Not reconciled yet</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../eldercare_desktop/ui/base.py" line="137"/>
        <source>您的角色没有“%1”的权限</source>
        <extracomment>entities (Changes.entities) this page shows when another PC changed what the page shows while it is on screen: False = offer 刷新 (ui/stale.py&apos;s bar: nothing moves under the user); True = reload at once when no dialog is open (a page with nothing to select, type or lose, such as the home page&apos;s figures)</extracomment>
        <translation>Your role does not have the &quot;%1&quot; permission</translation>
    </message>
</context>
<context>
    <name>ParamDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="228"/>
        <source>设置补贴参数</source>
        <translation>Set scheme parameter</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="237"/>
        <source>参数</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="238"/>
        <source>用于</source>
        <translation>Used by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="239"/>
        <source>值（%1）</source>
        <translation>Value (%1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="240"/>
        <source>按当年的补贴通知填写；留空则使用政策配置的默认值（没有默认值的方案不能申报）。</source>
        <translation>Fill in from the year&apos;s subsidy notice; left empty, the policy profile&apos;s default is used (a scheme without a default cannot be claimed).</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="244"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="120"/>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="122"/>
        <source>收款</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="124"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="129"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="134"/>
        <source>银行、微信、支付宝的交易流水号</source>
        <translation>Bank, WeChat or Alipay transaction number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="136"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="137"/>
        <source>收款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="138"/>
        <source>交易流水号</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="139"/>
        <source>交款人</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="140"/>
        <source>收款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="141"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="179"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="179"/>
        <source>评估编号</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="179"/>
        <source>评估日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="179"/>
        <source>最终等级</source>
        <translation>Final level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="180"/>
        <source>原等级 → 新等级</source>
        <translation>Old → new level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="180"/>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="79"/>
        <source>调整价格</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="85"/>
        <source>尚未定价</source>
        <translation>No price yet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="86"/>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="88"/>
        <source>元，如 2400 或 2,400.50</source>
        <translation>yuan, e.g. 2400 or 2,400.50</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="93"/>
        <source>新价格（元）</source>
        <translation>New price (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="94"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="95"/>
        <source>调价须提前告知住户：告知日期至生效日期至少 %1 天</source>
        <translation>Residents must be told in advance: at least %1 days from the notice date to the effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="98"/>
        <source>告知日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="99"/>
        <source>调价原因</source>
        <translation>Reason for the change</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="132"/>
        <source>修改建设项目</source>
        <translation>Edit construction project</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="132"/>
        <source>登记建设项目</source>
        <translation>New construction project</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="142"/>
        <source> 张</source>
        <translation> beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="150"/>
        <source>建设项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="151"/>
        <source>设施类型</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="152"/>
        <source>项目类型</source>
        <translation>Project kind</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="153"/>
        <source>新增床位数</source>
        <translation>New beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="154"/>
        <source>建筑面积（m²）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="155"/>
        <source>竣工日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="156"/>
        <source>房屋产权</source>
        <translation>Property</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="157"/>
        <source>租期起始日</source>
        <translation>Lease start</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="158"/>
        <source>租期截止日</source>
        <translation>Lease end</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="159"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_facts.py" line="175"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="203"/>
        <source>新增活期利率</source>
        <translation>Add demand-deposit rate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="206"/>
        <source>如 0.05 表示年利率0.05%</source>
        <translation>e.g. 0.05 means 0.05% a year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="208"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="209"/>
        <source>年利率（%）</source>
        <translation>Annual rate (%)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="210"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="212"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="615"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="615"/>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="615"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="615"/>
        <source>录入</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="618"/>
        <source>新增利率</source>
        <translation>Add rate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="622"/>
        <source>结息</source>
        <translation>Post interest</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="623"/>
        <source>把截止日期前已到结息日（每季末月20日，次日入账）的利息记入各住户押金</source>
        <translation>Credit every resident&apos;s interest settled up to this date (20th of each quarter-end month, credited the next day)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="627"/>
        <source>分段计息（利率调整日起按新利率）</source>
        <translation>Split at a rate change (new rate from its date)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="628"/>
        <source>按结息日挂牌利率计息</source>
        <translation>Settlement-day rate for the whole period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="629"/>
        <source>按开户银行的做法选择；只影响尚未结息的期间</source>
        <translation>Choose what the escrow bank does; applies only to periods not yet settled</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="640"/>
        <source>计息方式</source>
        <translation>Interest method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="643"/>
        <source>结息截止日期</source>
        <translation>Interest up to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="646"/>
        <source>活期存款挂牌利率：积数计息，÷360；每季末月20日结息，次日并入本金；利率调整时按所选计息方式计算。已结息期间的利率不能再修改。</source>
        <translation>Listed demand-deposit rates: daily-balance method, ÷360; settled on the 20th of each quarter-end month and added to the principal the next day; a rate change is handled as the chosen interest method says. Rates of settled periods cannot change.</translation>
    </message>
</context>
<context>
    <name>ReadmitDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="161"/>
        <source>再次入住</source>
        <translation>Readmit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="166"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="168"/>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="171"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="174"/>
        <source>可选，例如：出院后返回</source>
        <translation>Optional, e.g. back after a hospital stay</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="175"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="184"/>
        <source>请选择床位</source>
        <translation>Select a bed</translation>
    </message>
</context>
<context>
    <name>ReceiveDepositDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="31"/>
        <source>收取押金</source>
        <translation>Receive deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="37"/>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="51"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="40"/>
        <source>银行流水号、POS凭条号或支票号</source>
        <translation>Bank reference, POS slip or cheque no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="42"/>
        <source>该住户没有有效合同</source>
        <translation>This resident has no contract in force</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="44"/>
        <source>上限 %1，已收 %2，本次最多还可收取 %3</source>
        <translation>Cap %1, received %2, at most %3 more can be taken</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="49"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="50"/>
        <source>收取日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="52"/>
        <source>收取方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="53"/>
        <source>交易流水号</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="54"/>
        <source>收取</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="56"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="335"/>
        <source>登记补贴到账</source>
        <translation>Record subsidy receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="339"/>
        <source>转入老人账户（抵下期费用）</source>
        <translation>Credit to the residents&apos; accounts (against their next bills)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="340"/>
        <source>转账发放给老人</source>
        <translation>Pay to the residents by bank transfer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="341"/>
        <source>现金发放给老人</source>
        <translation>Pay to the residents in cash</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="347"/>
        <source>申报</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="349"/>
        <source>批准金额</source>
        <translation>Amount approved</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="350"/>
        <source>到账日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="359"/>
        <source>老人补贴 %1</source>
        <translation>Residents&apos; share %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="361"/>
        <source>到账金额记入银行存款；机构部分为政府补助收入，老人部分是老人的钱，立即转入各人账户或转账、现金发放，不作为机构收入。已退住、去世的老人没有账户可转入，改为转账发放。</source>
        <translation>The amount received goes to the bank account; the centre&apos;s share is government subsidy income, the residents&apos; share is theirs and goes straight into each one&apos;s account or is paid out by transfer or in cash, never the centre&apos;s income. A resident who has left or died has no account: paid by transfer.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="382"/>
        <source>%1（机构 %2，老人 %3）</source>
        <translation>%1 (centre %2, residents %3)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="365"/>
        <source>本申报没有发给老人的部分，到账金额全部记为政府补助收入。</source>
        <translation>This claim has no residents&apos; share: the whole amount received is government grant income.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="370"/>
        <source>登记到账</source>
        <translation>Record receipt</translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="695"/>
        <source>银行对账单余额（元）</source>
        <translation>Statement balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="696"/>
        <source>导入银行对账单</source>
        <translation>Import bank statement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="697"/>
        <source>对账</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="698"/>
        <source>打印对账单</source>
        <translation>Print reconciliation</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="699"/>
        <source>导出专户台账</source>
        <translation>Export escrow ledger</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="700"/>
        <source>打印专户台账</source>
        <translation>Print escrow ledger</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>收入</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>支出</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="726"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="730"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="730"/>
        <source>对账日</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="730"/>
        <source>银行余额</source>
        <translation>Bank balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="730"/>
        <source>账面余额</source>
        <translation>Book balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="730"/>
        <source>住户押金合计</source>
        <translation>Residents&apos; deposits total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="731"/>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="731"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="731"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="731"/>
        <source>对账人</source>
        <translation>Reconciled by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="736"/>
        <source>对账月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="738"/>
        <source>银行对账单余额</source>
        <translation>Statement balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="743"/>
        <source>台账期间</source>
        <translation>Ledger period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="757"/>
        <source>对账记录</source>
        <translation>Reconciliations</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="782"/>
        <source>选择银行对账单</source>
        <translation>Choose the bank statement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="782"/>
        <source>银行对账单 (*.xlsx *.csv)</source>
        <translation>Bank statement (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="816"/>
        <source>手工录入</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="829"/>
        <source>相符</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="829"/>
        <source>不符</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="830"/>
        <source>银行余额 %1&#x3000;账面余额 %2&#x3000;住户押金合计 %3&#x3000;差额（银行−账面）%4&#x3000;账面−住户 %5</source>
        <translation>Bank %1   Book %2   Residents %3   Difference (bank − book) %4   Book − residents %5</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="114"/>
        <source>退还押金</source>
        <translation>Refund deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="122"/>
        <source>逾期退还的原因（必填）</source>
        <translation>Why the refund is late (required)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="123"/>
        <source>退还日期</source>
        <translation>Refund date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="124"/>
        <source>退还方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="126"/>
        <source>逾期原因</source>
        <translation>Reason for lateness</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="129"/>
        <source>退还</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="133"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/escrow.py" line="144"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
</context>
<context>
    <name>ReleaseForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="377"/>
        <source>解除限制金额</source>
        <translation>Amount released</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="378"/>
        <source>限制如何解除</source>
        <translation>How the restriction was met</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="379"/>
        <source>例如：限定用途的设备已购置</source>
        <translation>e.g. the equipment the gift was for has been bought</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="211"/>
        <source>财务报表</source>
        <translation>Financial statements</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="212"/>
        <source>账簿</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="215"/>
        <source>记账凭证</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="216"/>
        <source>固定资产</source>
        <translation>Fixed assets</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="218"/>
        <source>年度公开</source>
        <translation>Annual disclosure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="221"/>
        <source>合规自查</source>
        <translation>Compliance self-check</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="281"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="123"/>
        <source>重置密码并解锁</source>
        <translation>Reset password and unlock</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="126"/>
        <source>为 %1 设置新密码，并解除登录锁定。请当面告知本人，并请其登录后自行修改。</source>
        <translation>Set a new password for %1 and release the login lock. Tell the user in person and ask them to change it after signing in.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="132"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="133"/>
        <source>再次输入</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="134"/>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="153"/>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="231"/>
        <source>登记入住</source>
        <translation>Admit resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="153"/>
        <source>编辑住户信息</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="162"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="165"/>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="168"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="174"/>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="176"/>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="178"/>
        <source>区/县</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="181"/>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="183"/>
        <source>手机或固定电话（可不填）</source>
        <translation>Mobile or landline (optional)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="184"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="186"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="196"/>
        <source>政策类别</source>
        <translation>Policy categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="202"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="206"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="214"/>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="217"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="229"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="263"/>
        <source>出生日期、性别和年龄将根据身份证号自动填写</source>
        <translation>Date of birth, sex and age are filled in from the ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="266"/>
        <source>已输入 %1/18 位</source>
        <translation>%1/18 characters entered</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/resident.py" line="276"/>
        <source>出生日期 %1&#x3000;性别 %2&#x3000;年龄 %3 岁&#x3000;身份证地区 %4</source>
        <translation>Born %1 · Sex %2 · Age %3 · ID region %4</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/assessments.py" line="464"/>
        <source>输入姓名、拼音首字母或床位号</source>
        <translation>Type a name, pinyin initials or bed</translation>
    </message>
</context>
<context>
    <name>ResidentsModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="65"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="65"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="65"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="65"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>入住日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>户籍</source>
        <translation>Household reg.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>政策类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="66"/>
        <source>离院日期</source>
        <translation>Left on</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="183"/>
        <source>搜索：姓名、拼音或首字母（如 zs）、身份证号、床位号（Ctrl+F）</source>
        <extracomment>emitted after each list load, with the number of residents emitted when the detail panel shows a resident the id of the selected resident, kept apart from the list so that a change of filter or query can select the same person again</extracomment>
        <translation>Search: name, pinyin or initials (e.g. zs), ID number, bed (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="189"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="189"/>
        <source>在住</source>
        <translation>In residence</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="189"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="206"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="189"/>
        <source>已离院（退住、去世）</source>
        <translation>Departed (discharged, deceased)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="194"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="754"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="203"/>
        <source>登记入住</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="204"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="205"/>
        <source>调床</source>
        <translation>Move bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="207"/>
        <source>销假</source>
        <translation>Return from leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="208"/>
        <source>退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="209"/>
        <source>去世登记</source>
        <translation>Record death</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="210"/>
        <source>再次入住</source>
        <translation>Readmit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="211"/>
        <source>能力评估…</source>
        <translation>Assess…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="221"/>
        <source>导出名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="225"/>
        <source>把住户名册导出为Excel文件（.xlsx）</source>
        <translation>Export the resident roster as an Excel file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="281"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="372"/>
        <source>共 %1 人</source>
        <extracomment>money shown in the detail panel: these refresh the panel, not the list</extracomment>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="374"/>
        <source>显示 %1 人，共 %2 人</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="460"/>
        <source>在左侧选择一位住户查看详细信息。</source>
        <translation>Select a resident on the left to see the details.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="521"/>
        <source>登记新住户并安排床位</source>
        <translation>Register a new resident and assign a bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="526"/>
        <source>为该住户填写老年人能力评估表</source>
        <translation>Fill in an ability assessment for this resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="526"/>
        <source>只有在住或请假的住户才能评估</source>
        <translation>Only residents in residence or on leave can be assessed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="530"/>
        <source>请先选择一位住户</source>
        <translation>Select a resident first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="534"/>
        <source>“%1”目前%2，不能办理此项</source>
        <translation>&quot;%1&quot; is currently %2; this action is not available</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="653"/>
        <source>服务合同</source>
        <translation>Service contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="657"/>
        <source>未签合同</source>
        <translation>No contract signed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="659"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="663"/>
        <source>不在合同期内</source>
        <translation>Not under contract today</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="666"/>
        <source>欠费</source>
        <translation>Owes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="668"/>
        <source>预收余额</source>
        <translation>Prepaid balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="670"/>
        <source>已结清</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="671"/>
        <source>费用余额</source>
        <translation>Fees balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="672"/>
        <source>押金（专户）</source>
        <translation>Deposit (escrow)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="681"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="682"/>
        <source>岁</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="684"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="685"/>
        <source>入住记录</source>
        <translation>Stays</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="686"/>
        <source>床位记录</source>
        <translation>Bed history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="687"/>
        <source>请假记录</source>
        <translation>Leave history</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="688"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="689"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="707"/>
        <source>，去世时</source>
        <translation>, at death</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="712"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="713"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="715"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="716"/>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="717"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="739"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="718"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="719"/>
        <source>政策类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="720"/>
        <source>当前床位</source>
        <translation>Current bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="721"/>
        <source>本次入住</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="722"/>
        <source>照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="723"/>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="724"/>
        <source>待同意变更为</source>
        <translation>awaiting consent to change to </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="726"/>
        <source>最近评估</source>
        <translation>Last assessment</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="730"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="739"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="739"/>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="743"/>
        <source>入住日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="743"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="743"/>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="744"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="748"/>
        <source>至今</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="747"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="747"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="747"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="747"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="750"/>
        <source>首日</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="750"/>
        <source>最后一天</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="750"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="750"/>
        <source>预计返院</source>
        <translation>Expected return</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="751"/>
        <source>请假中</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="754"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="754"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="754"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>ResidentsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="379"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="379"/>
        <source>有押金余额</source>
        <translation>Holding a deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="379"/>
        <source>待退押金</source>
        <translation>Refunds due</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="379"/>
        <source>已逾期未退</source>
        <translation>Overdue refunds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="379"/>
        <source>超过上限</source>
        <translation>Over the cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="384"/>
        <source>按姓名或合同号查找</source>
        <translation>Find by name or contract no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="388"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="388"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="388"/>
        <source>已收押金</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="388"/>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="404"/>
        <source>扣除</source>
        <translation>Deduct</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="388"/>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="389"/>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="389"/>
        <source>超限</source>
        <translation>Over cap</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="389"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="389"/>
        <source>退还期限</source>
        <translation>Refund deadline</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="389"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="396"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="396"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="396"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="396"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="396"/>
        <source>凭证/流水号</source>
        <translation>Voucher / reference</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="397"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="397"/>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="403"/>
        <source>收取押金</source>
        <translation>Receive deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="405"/>
        <source>退还</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="406"/>
        <source>退还超限部分</source>
        <translation>Refund the excess</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="407"/>
        <source>打印押金收据</source>
        <translation>Print deposit receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="408"/>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="570"/>
        <source>打印退款凭证</source>
        <translation>Print refund voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="409"/>
        <source>打印个人押金台账</source>
        <translation>Print resident&apos;s deposit ledger</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="410"/>
        <source>在打印机上打印（先预览；预览中也可另存为PDF）</source>
        <translation>Print on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="411"/>
        <source>打印预览押金收据…</source>
        <translation>Print preview of the deposit receipt…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="412"/>
        <source>打印预览退款凭证…</source>
        <translation>Print preview of the refund voucher…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="413"/>
        <source>打印预览押金台账…</source>
        <translation>Print preview of the deposit ledger…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="439"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="486"/>
        <source>共 %1 人</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/escrow.py" line="570"/>
        <source>押金已退还。现在打印退款凭证吗？</source>
        <translation>The deposit has been refunded. Print the refund voucher now?</translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="77"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="77"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="77"/>
        <source>信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="77"/>
        <source>检验与依据</source>
        <translation>Tests and evidence</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="78"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="140"/>
        <source>只看符合条件的行</source>
        <translation>Qualifying rows only</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="142"/>
        <source>按姓名、证件或检验结果查找</source>
        <translation>Find by name, ID or test result</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="264"/>
        <source>选中一行查看每项检验的依据和计算</source>
        <translation>Select a row to see the evidence of each test and the calculation</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="269"/>
        <source>销假返院</source>
        <translation>Return from leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="274"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="276"/>
        <source>请假首日</source>
        <translation>First day of leave</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="278"/>
        <source>返院日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/stay.py" line="279"/>
        <source>返院当天计为在院，离院最后一天为前一天</source>
        <translation>The return day counts as in residence; the last day away is the day before</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="126"/>
        <source>编辑房间</source>
        <translation>Edit room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="126"/>
        <source>新增房间</source>
        <translation>Add room</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="134"/>
        <source>如 A、1号楼</source>
        <translation>e.g. A, Building 1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="138"/>
        <source> 层</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="140"/>
        <source>如 101</source>
        <translation>e.g. 101</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="145"/>
        <source>如 朝南、带卫生间</source>
        <translation>e.g. south-facing, en-suite</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="148"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="149"/>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="150"/>
        <source>房间号</source>
        <translation>Room number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="151"/>
        <source>房间类型</source>
        <translation>Room type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="152"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="157"/>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="161"/>
        <source>床位请在床位图上逐张新增、更改类型或停用。</source>
        <translation>Add, retype or deactivate beds one by one on the bed map.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="173"/>
        <source>快速生成：</source>
        <translation>Quick generate:</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="178"/>
        <source>%1床位</source>
        <translation>%1 bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="180"/>
        <source>张</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="182"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="183"/>
        <source>按数量重新生成床位列表（床位号 1、2、3…）</source>
        <translation>Regenerate the bed list with this many beds (labels 1, 2, 3…)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="199"/>
        <source>添加一张床位</source>
        <translation>Add a bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/room.py" line="200"/>
        <source>删除所选床位</source>
        <translation>Remove selected bed</translation>
    </message>
</context>
<context>
    <name>RosterExportDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="594"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="624"/>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="644"/>
        <source>导出住户名册</source>
        <translation>Export resident roster</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="601"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="605"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="606"/>
        <source>包括已离院（退住、去世）的住户</source>
        <translation>Include departed residents (discharged, deceased)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="615"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="616"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="624"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="631"/>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/residents.py" line="641"/>
        <source>已导出住户名册（%1 人）：%2</source>
        <translation>Roster exported (%1 residents): %2</translation>
    </message>
</context>
<context>
    <name>SalariesForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="313"/>
        <source>护理人员工资</source>
        <translation>Care staff salaries</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="314"/>
        <source>管理人员工资</source>
        <translation>Office staff salaries</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="315"/>
        <source>代扣社保</source>
        <translation>Social insurance withheld</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="316"/>
        <source>工资月份</source>
        <translation>Salary month</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="159"/>
        <source>新增收费项目</source>
        <translation>New fee item</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="160"/>
        <source>调整价格</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="161"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="162"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="270"/>
        <source>打印收费公示</source>
        <translation>Print fee schedule notice</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="163"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="284"/>
        <source>打印调价告知书</source>
        <translation>Print price change notices</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="164"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="296"/>
        <source>按调价变更合同</source>
        <translation>Apply to contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="165"/>
        <source>在调价记录中选中一次调价：自生效日起受影响的合同按新价格变更（调价）</source>
        <translation>Select a price change in the log: affected contracts take the new price from its effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="166"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="173"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="182"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="173"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="173"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="182"/>
        <source>项目名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="173"/>
        <source>适用于</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="173"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="174"/>
        <source>现行价格</source>
        <translation>Current price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="174"/>
        <source>执行日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="174"/>
        <source>已公布的调价</source>
        <translation>Announced change</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="182"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="182"/>
        <source>原价格</source>
        <translation>Old price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="182"/>
        <source>新价格</source>
        <translation>New price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="183"/>
        <source>告知日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="183"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="183"/>
        <source>当年第几次</source>
        <translation>Change no. in year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="183"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="188"/>
        <source>调价记录</source>
        <translation>Price change log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="191"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="234"/>
        <source>%1 %2：%3 次</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="236"/>
        <source>本年调价次数 — </source>
        <translation>Price changes this year — </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="238"/>
        <source>本年没有调价</source>
        <translation>No price changes this year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="253"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="262"/>
        <source>请先选择收费项目</source>
        <translation>Select a fee item first</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="264"/>
        <source>停用收费项目</source>
        <translation>Deactivate fee item</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="265"/>
        <source>停用“%1”？停用后不再用于新合同和计费，价格历史保留。</source>
        <translation>Deactivate &quot;%1&quot;? It will no longer be used for new contracts or billing; its price history is kept.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="271"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="286"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="276"/>
        <source>请先在调价记录中选中一次调价（首次定价不是调价）</source>
        <translation>Select a price change in the log first (a first price is not a change)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="294"/>
        <source>自%1起，使用“%2”的合同按新价格变更（调价）。住户应已收到调价告知书。继续？</source>
        <translation>From %1, contracts charged for &quot;%2&quot; take the new price. Residents should have received the notice letters. Continue?</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="222"/>
        <source>保存</source>
        <extracomment>every ErrorForm of the dialog; problems go to the form that has the field</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="304"/>
        <source>重新载入将显示他人保存的最新内容，本窗口中尚未保存的修改将被放弃。</source>
        <extracomment>the open 「重新载入」 question, while it is shown (tests press its buttons)</extracomment>
        <translation>Reloading shows what was saved on the other computer; unsaved changes in this window are discarded.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="305"/>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="306"/>
        <source>暂不载入</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="41"/>
        <source>机构信息</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="42"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="43"/>
        <source>评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="44"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/settings.py" line="45"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
</context>
<context>
    <name>SignContractDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="111"/>
        <source>签订服务合同</source>
        <translation>Sign service contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="123"/>
        <source>住户、期限与签约人</source>
        <translation>Resident, term and signer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="125"/>
        <source>收费与押金</source>
        <translation>Fees and deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="137"/>
        <source>（没有可签约的住户：在院且无生效合同）</source>
        <translation>(No resident to sign for: in residence without an active contract)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="138"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="143"/>
        <source>默认一年（开始日期加一年减一天）</source>
        <translation>One year by default (start + 1 year − 1 day)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="144"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="145"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="147"/>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="153"/>
        <source>签约人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="154"/>
        <source>签约人身份</source>
        <translation>Signing as</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="155"/>
        <source>签约人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="159"/>
        <source>收费标准</source>
        <translation>Fee price</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="160"/>
        <source>约定价格（与收费标准不同）</source>
        <translation>Negotiated fees (differ from the schedule)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="162"/>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="163"/>
        <source>元/月</source>
        <translation>yuan/month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="164"/>
        <source>元/日</source>
        <translation>yuan/day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="166"/>
        <source>例如：老客户优惠</source>
        <translation>e.g. long-standing client discount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="167"/>
        <source>床位费</source>
        <translation>Bed fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="168"/>
        <source>护理费</source>
        <translation>Care fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="169"/>
        <source>伙食费日标准</source>
        <translation>Daily meal rate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="170"/>
        <source>协商原因</source>
        <translation>Reason for negotiated fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="172"/>
        <source>月服务费</source>
        <translation>Monthly service fee</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="173"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="176"/>
        <source>押金</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="182"/>
        <source>付款方式</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="184"/>
        <source>签订</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="185"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="263"/>
        <source>床位：%1</source>
        <translation>Bed: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="263"/>
        <source>未分配</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="264"/>
        <source>照护等级：%1</source>
        <translation>Care level: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="264"/>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="307"/>
        <source>正在读取收费标准…</source>
        <translation>Reading the fee schedule…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="312"/>
        <source>床位费 %1/月
护理费 %2/月
伙食费 %3/日</source>
        <translation>Bed fee %1/month
Care fee %2/month
Meals %3/day</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="318"/>
        <source>收费标准缺少价格，请填写约定价格</source>
        <translation>The fee schedule lacks a price: enter negotiated fees</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="323"/>
        <source>%1（伙食费按每月30天计）</source>
        <translation>%1 (meals counted as 30 days a month)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="324"/>
        <source>上限 %1（月服务费的%2倍）</source>
        <translation>Cap %1 (%2 × the monthly service fee)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="334"/>
        <source>，已超过上限</source>
        <translation>, over the cap</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="120"/>
        <source>原始单据 — 凭证%1</source>
        <translation>Source document — entry %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="121"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="126"/>
        <source>科目</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="126"/>
        <source>科目名称</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="126"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="126"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="126"/>
        <source>住户/说明</source>
        <translation>Resident / note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="134"/>
        <source>记账分录</source>
        <translation>Journal lines</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="143"/>
        <source>来源：%1&#x3000;&#x3000;凭证内部编号：%2</source>
        <translation>Source: %1    Internal entry no.: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="150"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>StaleBar</name>
    <message>
        <location filename="../../eldercare_desktop/ui/stale.py" line="88"/>
        <source>其他电脑已修改此页数据</source>
        <translation>Data on this page was changed on another computer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/stale.py" line="90"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/stale.py" line="93"/>
        <source>重新载入此页，仍选中当前的记录（F5）</source>
        <translation>Reload this page, keeping the current record selected (F5)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/stale.py" line="99"/>
        <source>暂不刷新（下次打开此页时自动刷新）</source>
        <translation>Not now (the page reloads the next time it is opened)</translation>
    </message>
</context>
<context>
    <name>StatementTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="780"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="781"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="865"/>
        <source>打印本人清单</source>
        <translation>Print this statement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="782"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="783"/>
        <source>在打印机上打印本人清单（先预览；预览中也可另存为PDF）</source>
        <translation>Print the resident&apos;s statement on a printer (with a preview; the preview can also save a PDF)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="784"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="880"/>
        <source>批量打印本月全部清单</source>
        <translation>Print all statements of the month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="786"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="812"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="788"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="813"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="812"/>
        <source>费用清单</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="812"/>
        <source>清单号</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="813"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="813"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="814"/>
        <source>上月结余</source>
        <translation>Brought forward</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="814"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="814"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="815"/>
        <source>起止日期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="815"/>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="815"/>
        <source>标准</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="816"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="816"/>
        <source>计算方法</source>
        <translation>How computed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="816"/>
        <source>本月费用合计</source>
        <translation>Charges this month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="817"/>
        <source>本月收款</source>
        <translation>Payments this month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="817"/>
        <source>其他调整</source>
        <translation>Other adjustments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="818"/>
        <source>上月结余 + 本月费用 − 本月收款 + 其他调整 = 本月结余</source>
        <translation>Brought forward + charges − payments + adjustments = carried forward</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="819"/>
        <source>押金（专户存管，不抵扣费用）</source>
        <translation>Deposit (held in escrow, not set against fees)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="819"/>
        <source>计费规则</source>
        <translation>Billing rule</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="820"/>
        <source>欠费</source>
        <translation>Owes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="820"/>
        <source>预收</source>
        <translation>Prepaid</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="820"/>
        <source>已结清</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="865"/>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="880"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/finance.py" line="882"/>
        <source>打印 %1 全部费用清单</source>
        <translation>Print all statements of %1</translation>
    </message>
</context>
<context>
    <name>StatementsTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="295"/>
        <source>资产负债表</source>
        <translation>Balance sheet</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="295"/>
        <source>业务活动表</source>
        <translation>Statement of activities</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="295"/>
        <source>现金流量表</source>
        <translation>Cash flow statement</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="299"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="302"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="305"/>
        <source>双击金额（或选中后按回车）查看构成该数的凭证</source>
        <translation>Double-click a figure (or select it and press Enter) to see the entries behind it</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="317"/>
        <source>单位：元</source>
        <translation>Unit: yuan</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="380"/>
        <source>行次</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="380"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="390"/>
        <source>编制单位：%1</source>
        <translation>Prepared by: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="395"/>
        <source>双击查看构成此数的凭证</source>
        <translation>Double-click to see the entries behind this figure</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="46"/>
        <source>登记%1年度财务收支情况已报送</source>
        <translation>Record the FY%1 disclosure as submitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="51"/>
        <source>如：区民政局、区发展改革委（物价）</source>
        <translation>e.g. district civil affairs bureau, district price department</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="53"/>
        <source>报送日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="54"/>
        <source>报送单位</source>
        <translation>Submitted to</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_disclosure.py" line="55"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>SubsidiesPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="141"/>
        <source>申报</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="142"/>
        <source>护理员</source>
        <translation>Care workers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="143"/>
        <source>机构信息</source>
        <translation>Centre details</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="187"/>
        <source>可申报</source>
        <translation>Claim open</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="187"/>
        <source>缺参数</source>
        <translation>Missing figure</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="187"/>
        <source>草稿未提交</source>
        <translation>Draft not submitted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="188"/>
        <source>证件到期</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="204"/>
        <source>另有 %1 条提醒</source>
        <translation>%1 more reminders</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies.py" line="226"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>SubsidyForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="362"/>
        <source>补助类别</source>
        <translation>Subsidy type</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="363"/>
        <source>到账金额</source>
        <translation>Amount received</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="364"/>
        <source>拨款单位</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="365"/>
        <source>文件号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="366"/>
        <source>限定性（专款专用）</source>
        <translation>Restricted (earmarked)</translation>
    </message>
</context>
<context>
    <name>SubsidyResult</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="50"/>
        <source>%1：各月符合</source>
        <translation>%1: every month met</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="51"/>
        <source>%1：%2个月不符（%3）</source>
        <translation>%1: %2 months not met (%3)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="52"/>
        <source>%1：各行合计 %2，本次申报 %3</source>
        <translation>%1: rows total %2, claimed now %3</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="53"/>
        <source>（按上限核减 %1）</source>
        <translation> (cut to the cap by %1)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="54"/>
        <source>（发给老人）</source>
        <translation> (to residents)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="55"/>
        <source>出资方：</source>
        <translation>Funders: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="56"/>
        <source>申报合计 %1（机构 %2，老人 %3）</source>
        <translation>Claim total %1 (centre %2, residents %3)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="57"/>
        <source>缺少参数：%1。请在“机构信息 → 补贴参数”中填写当年通知的标准，才能建立申报</source>
        <translation>Missing figures: %1. Fill in the year&apos;s rates under Centre details → Scheme parameters before making the claim</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="58"/>
        <source>各月计数：</source>
        <translation>Counted per month: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="59"/>
        <source>%1月 %2</source>
        <translation>M%1: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="60"/>
        <source>共 %1 行，符合条件 %2 行</source>
        <translation>%1 rows, %2 qualify</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="61"/>
        <source>计算：</source>
        <translation>Calculation: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="62"/>
        <source>计入月份：</source>
        <translation>Months counted: </translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="63"/>
        <source>无计入月份</source>
        <translation>No month counted</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="64"/>
        <source>各项共同条件</source>
        <translation>Conditions for every layer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="65"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_result.py" line="66"/>
        <source>等</source>
        <translation> etc.</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="313"/>
        <source>评估结果（实时）</source>
        <translation>Result (live)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="332"/>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="334"/>
        <source>初步等级</source>
        <translation>Preliminary level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="335"/>
        <source>等级调整</source>
        <translation>Level adjustments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="344"/>
        <source>最终等级</source>
        <translation>Final level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="346"/>
        <source>照护等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="352"/>
        <source>跳到未评项目（Ctrl+J）</source>
        <translation>Next unscored item (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="357"/>
        <source>键盘：数字键=评分并跳到下一项&#x3000;↑↓=上一项/下一项&#x3000;PageUp/PageDown=上一部分/下一部分&#x3000;Backspace=清除&#x3000;Ctrl+S=保存</source>
        <translation>Keys: digit = score and go to the next item   ↑↓ = previous/next item   PageUp/PageDown = previous/next section   Backspace = clear   Ctrl+S = save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="393"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="404"/>
        <source>尚有 %1 项未评分</source>
        <translation>Items not yet scored: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/assessment_form.py" line="407"/>
        <source>全部 %1 项已评分</source>
        <translation>All %1 items scored</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="282"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>TerminateContractDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="478"/>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="496"/>
        <source>终止合同</source>
        <translation>Terminate contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="482"/>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="483"/>
        <source>合同期限</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="483"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="488"/>
        <source>终止原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="491"/>
        <source>最后服务日</source>
        <translation>Last day of service</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="492"/>
        <source>最后服务日当天计费；之后已收取的费用如数退还</source>
        <translation>The last day of service is charged; fees paid for later days are refunded in full</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="494"/>
        <source>原因为“其他”时必填</source>
        <translation>Required when the reason is &quot;Other&quot;</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="495"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/contract.py" line="497"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="236"/>
        <source>登记培训</source>
        <translation>Record training</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="241"/>
        <source>如：养老护理员岗前培训</source>
        <translation>e.g. induction training for care workers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="244"/>
        <source> 学时</source>
        <translation> hours</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="245"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="246"/>
        <source>培训日期</source>
        <translation>Training date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="247"/>
        <source>培训内容</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="248"/>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="249"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>TrialView</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="187"/>
        <source>科目代码</source>
        <translation>Account code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="187"/>
        <source>科目名称</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="187"/>
        <source>期初借方</source>
        <translation>Opening debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="187"/>
        <source>期初贷方</source>
        <translation>Opening credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="188"/>
        <source>本期借方</source>
        <translation>Period debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="188"/>
        <source>本期贷方</source>
        <translation>Period credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="188"/>
        <source>期末借方</source>
        <translation>Closing debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="188"/>
        <source>期末贷方</source>
        <translation>Closing credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="190"/>
        <source>双击查看明细账</source>
        <translation>Double-click to see the account detail</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="206"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="208"/>
        <source>借贷平衡</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports_books.py" line="211"/>
        <source>借贷不平衡</source>
        <translation>Not balanced</translation>
    </message>
</context>
<context>
    <name>UserDialogs</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="24"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="46"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/user.py" line="50"/>
        <source>至少%1个字符，须同时包含字母和数字</source>
        <translation>At least %1 characters, with both letters and digits</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="35"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="35"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="35"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="35"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="35"/>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="36"/>
        <source>最后登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="58"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="58"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="70"/>
        <source>登录失败次数过多被锁定；可用“重置密码并解锁”解除</source>
        <translation>Locked after too many failed logins; use &quot;Reset password and unlock&quot; to release</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="92"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="95"/>
        <source>当前登录：%1（%2）</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="100"/>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="105"/>
        <source>新增用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="106"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="107"/>
        <source>重置密码并解锁…</source>
        <translation>Reset password and unlock…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="108"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="113"/>
        <source>用户账号由管理员管理。您的角色（%1）没有“%2”的权限，因此看不到用户列表。
您可以随时修改自己的登录密码。</source>
        <translation>User accounts are managed by administrators. Your role (%1) does not have the &quot;%2&quot; permission, so the user list is hidden.
You can change your own password at any time.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="138"/>
        <source>角色：管理员可做一切；前台登记和管理住户；会计负责收费记账，可查看审计日志；审计只能查看和导出。连续输错密码5次将锁定15分钟。</source>
        <translation>Roles: administrators can do everything; front desk registers and manages residents; accountants handle fees and bookkeeping and can read the audit log; auditors can only view and export. Five wrong passwords in a row lock the account for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="161"/>
        <source>共 %1 个账号，%2 个启用</source>
        <translation>Accounts: %1, active: %2</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/users.py" line="189"/>
        <source>先在列表中选择一个用户</source>
        <translation>Select a user in the list first</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="172"/>
        <source>作废收据</source>
        <translation>Void receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="174"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="176"/>
        <source>收据</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="177"/>
        <source>作废后收据编号不再使用，收款凭证红冲；收据保留在作废登记簿中。</source>
        <translation>A voided receipt number is never used again; the payment entry is reversed and the receipt stays in the void register.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="182"/>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="183"/>
        <source>作废日期</source>
        <translation>Void date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/finance.py" line="190"/>
        <source>请填写作废原因</source>
        <translation>Enter the reason for voiding</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="392"/>
        <source>新建凭证</source>
        <translation>New voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="402"/>
        <source>凭证模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="403"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="404"/>
        <source>附件张数</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="407"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="409"/>
        <source>分录</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="425"/>
        <source>分录预览</source>
        <translation>Lines (preview)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="479"/>
        <source>填写完整后在此显示凭证分录</source>
        <translation>The voucher&apos;s lines show here once the form is complete</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="482"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="483"/>
        <source>摘要：%1</source>
        <translation>Memo: %1</translation>
    </message>
</context>
<context>
    <name>Vouchers</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="53"/>
        <source>通用凭证</source>
        <translation>General voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="53"/>
        <source>工资</source>
        <translation>Salaries</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="54"/>
        <source>伙食及物资采购</source>
        <translation>Food and supplies</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="54"/>
        <source>水电燃气</source>
        <translation>Utilities</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="55"/>
        <source>维修</source>
        <translation>Repairs</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="55"/>
        <source>接受捐赠</source>
        <translation>Donation</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="56"/>
        <source>政府补助到账</source>
        <translation>Subsidy received</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="56"/>
        <source>购置固定资产</source>
        <translation>Asset purchase</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="57"/>
        <source>限定性净资产解除限制</source>
        <translation>Restriction released</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="61"/>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="61"/>
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="61"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="65"/>
        <source>科目代码</source>
        <translation>Account code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="65"/>
        <source>科目名称</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="65"/>
        <source>借方</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="65"/>
        <source>贷方</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="66"/>
        <source>住户</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/voucher.py" line="66"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>VouchersTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="149"/>
        <source>全年</source>
        <extracomment>entities whose Changes should reload these tabs (for the page that holds them)</extracomment>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="151"/>
        <source>%1月</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="154"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="154"/>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="154"/>
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="154"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="324"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="157"/>
        <source>新建凭证</source>
        <translation>New voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="158"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="185"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="338"/>
        <source>红冲</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="161"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="159"/>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="160"/>
        <source>红冲…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="162"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="352"/>
        <source>下载导入模板</source>
        <translation>Download import template</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="163"/>
        <source>期初余额…</source>
        <translation>Opening balances…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="164"/>
        <source>年末结转…</source>
        <translation>Year-end close…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="165"/>
        <source>新增明细科目…</source>
        <translation>New sub-account…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="166"/>
        <source>审核选中的凭证（可多选）：审核人不能是制单人</source>
        <translation>Review the selected vouchers (several at once): the reviewer cannot be the one who prepared them</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="168"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="168"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="169"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="185"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="182"/>
        <source>冲 %1</source>
        <translation>reverses %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="183"/>
        <source>被 %1 冲</source>
        <translation>rev. by %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="184"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="325"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="339"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="184"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="184"/>
        <source>摘要</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="184"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="184"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="185"/>
        <source>附件</source>
        <translation>Attach.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="196"/>
        <source>凭证分录</source>
        <translation>Voucher lines</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="255"/>
        <source>共 %1 张</source>
        <translation>%1 vouchers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="261"/>
        <source>期初余额已于 %1 录入</source>
        <translation>Opening balances were entered on %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="262"/>
        <source>录入启用年度1月1日的科目余额（只能录入一次）</source>
        <translation>Enter the account balances on 1 January of the first year (once only)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="283"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="287"/>
        <source>作废原因：%1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="290"/>
        <source>已选中 %1 张凭证</source>
        <translation>%1 vouchers selected</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="291"/>
        <source>选中一张凭证查看分录</source>
        <translation>Select a voucher to see its lines</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="185"/>
        <source>制单人</source>
        <translation>Prepared</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="185"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="324"/>
        <source>作废记账凭证</source>
        <translation>Void voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="325"/>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="327"/>
        <source>作废后凭证号保留并标为作废，不进入账簿。</source>
        <translation>The voucher keeps its number, marked void, and never reaches the books.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="338"/>
        <source>红冲凭证</source>
        <translation>Reverse voucher</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="339"/>
        <source>红冲日期</source>
        <translation>Reversal date</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="340"/>
        <source>红冲原因</source>
        <translation>Reason for reversal</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="342"/>
        <source>生成一张金额为负数的红冲凭证（待审核），审核后冲销原凭证。</source>
        <translation>Makes a reversal voucher with negative amounts (to be reviewed); once reviewed it cancels the original.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="347"/>
        <source>导入凭证</source>
        <translation>Import vouchers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="347"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="352"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="349"/>
        <source>正在导入凭证…</source>
        <translation>Importing vouchers…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="355"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="370"/>
        <source>结转%1年度的收入和费用到净资产，并结账12月。结转后该年度不能再记账。继续？</source>
        <translation>Carry the income and expenses of %1 to net assets and close December. Nothing more can be entered in that year. Continue?</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="371"/>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="373"/>
        <source>年末结转</source>
        <translation>Year-end close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="373"/>
        <source>结转</source>
        <translation>Close year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="373"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="374"/>
        <source>年末结转前：1至11月均已结账，凭证均已审核，各月折旧均已计提。</source>
        <translation>Before the year-end close: January to November are closed, every voucher is reviewed and every month&apos;s depreciation is posted.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="385"/>
        <source>上级代码加两位数字</source>
        <translation>Parent code and two more digits</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="387"/>
        <source>新增明细科目</source>
        <translation>New sub-account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="387"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="388"/>
        <source>上级科目</source>
        <translation>Parent account</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="388"/>
        <source>科目代码</source>
        <translation>Account code</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/vouchers.py" line="389"/>
        <source>科目名称</source>
        <translation>Account name</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="397"/>
        <source>撤回补贴申报</source>
        <translation>Withdraw subsidy claim</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="401"/>
        <source>申报</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="402"/>
        <source>撤回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="403"/>
        <source>撤回后申报号保留并标为已撤回，同一期间可以重新申报。</source>
        <translation>The claim keeps its number, marked withdrawn; the same period can be claimed again.</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy.py" line="407"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="118"/>
        <source>修改护理员</source>
        <translation>Edit care worker</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="118"/>
        <source>登记护理员</source>
        <translation>New care worker</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="125"/>
        <source>18位，性别和出生日期从身份证号读出</source>
        <translation>18 characters; sex and birth date are read from the ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="127"/>
        <source>填写</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="129"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="130"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="131"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="132"/>
        <source>连续从事护理工作起始日</source>
        <translation>Continuous care work since</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="133"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/subsidy_workers.py" line="134"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>WorkersTab</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="48"/>
        <source>包括已离职</source>
        <translation>Include those who left</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="50"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="51"/>
        <source>下载导入模板</source>
        <translation>Download import template</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="52"/>
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="53"/>
        <source>登记护理员…</source>
        <translation>New care worker…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="54"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="55"/>
        <source>劳动合同…</source>
        <translation>Contract…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="56"/>
        <source>资格证书…</source>
        <translation>Certificate…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="57"/>
        <source>社保缴纳…</source>
        <translation>Insurance…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="58"/>
        <source>培训…</source>
        <translation>Training…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="59"/>
        <source>离职…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="60"/>
        <source>按模板导入护理员、证书、劳动合同、社保月份和培训；按身份证号匹配已登记的护理员</source>
        <translation>Import care workers, certificates, contracts, insured months and training from the template; workers already registered are matched by ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="74"/>
        <source>导入未完成：请改正以下问题后重新导入（没有保存任何数据）</source>
        <translation>Import not done: correct these problems and import again (nothing was saved)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="78"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="83"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="91"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="83"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="83"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="83"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="83"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="215"/>
        <source>资格证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="84"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="215"/>
        <source>劳动合同</source>
        <translation>Labour contract</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="84"/>
        <source>近6个月社保</source>
        <translation>Insured (6 mo.)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="84"/>
        <source>护理年限</source>
        <translation>Care years</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="84"/>
        <source>培训次数</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="84"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="85"/>
        <source>已离职 %1</source>
        <translation>Left %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="90"/>
        <source>60天内到期的劳动合同和证书</source>
        <translation>Contracts and certificates ending within 60 days</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="91"/>
        <source>到期事项</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="91"/>
        <source>到期日</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="92"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="95"/>
        <source>双击选中该护理员</source>
        <translation>Double-click to select the care worker</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="156"/>
        <source>共 %1 人</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="180"/>
        <source>选中一名护理员查看劳动合同、证书、社保和培训记录</source>
        <translation>Select a care worker to see contracts, certificates, insurance and training</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="202"/>
        <source>连续从事护理工作自 %1</source>
        <translation>In continuous care work since %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="204"/>
        <source>已于 %1 离职</source>
        <translation>Left on %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="206"/>
        <source>无固定期限</source>
        <translation>Open-ended</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="207"/>
        <source>%1 解除</source>
        <translation>ended %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="205"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="210"/>
        <source>发证 %1</source>
        <translation>issued %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="211"/>
        <source>有效期至 %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="213"/>
        <source>%1学时</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="216"/>
        <source>社保已缴月份</source>
        <translation>Months insured</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="217"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="228"/>
        <source>该护理员不在当前列表中</source>
        <translation>That care worker is not in the list shown</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="265"/>
        <source>导入护理员</source>
        <translation>Import care workers</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="265"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="287"/>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="293"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="287"/>
        <source>下载护理员导入模板</source>
        <translation>Download the care-worker import template</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="292"/>
        <source>养老护理员花名册_%1.xlsx</source>
        <translation>care_worker_roster_%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="293"/>
        <source>导出护理员花名册</source>
        <translation>Export care-worker roster</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/subsidies_workers.py" line="295"/>
        <source>正在导出护理员花名册…</source>
        <translation>Exporting the care-worker roster…</translation>
    </message>
</context>
<context>
    <name>YearCombo</name>
    <message>
        <location filename="../../eldercare_desktop/ui/pages/reports.py" line="100"/>
        <source>%1年度</source>
        <translation>FY%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../eldercare_desktop/ui/app.py" line="219"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/app.py" line="220"/>
        <source>无法打开数据库，程序将退出。

%1</source>
        <translation>Cannot open the database; the program will exit.

%1</translation>
    </message>
</context>
<context>
    <name>drilldown</name>
    <message>
        <location filename="../../eldercare_desktop/ui/dialogs/drilldown.py" line="99"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="264"/>
        <source>无法打开打印机“%1”</source>
        <translation>Cannot open the printer &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="274"/>
        <source>打印机无法开始新的一页</source>
        <translation>The printer could not start a new page</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="297"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="299"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="326"/>
        <source>打印预览 - %1</source>
        <translation>Print preview - %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="341"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="343"/>
        <source>不打印，把文件保存为 PDF</source>
        <translation>Save the document as a PDF file instead of printing</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="376"/>
        <source>打印 - %1</source>
        <translation>Print - %1</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="384"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="396"/>
        <source>正在打印 %1…</source>
        <translation>Printing %1…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="397"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/printing.py" line="398"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="112"/>
        <source>管理员</source>
        <extracomment>Qt&apos;s own translations, tried in order: qtbase (QtCore/Gui/Widgets: dialog buttons, the file dialog, context menus), else the older all-in-one qt_*</extracomment>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="113"/>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="114"/>
        <source>会计</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="115"/>
        <source>审计</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="125"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="126"/>
        <source>打印和导出</source>
        <translation>Print and export</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="127"/>
        <source>查看审计日志</source>
        <translation>View the audit log</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="128"/>
        <source>登记和修改住户</source>
        <translation>Register and edit residents</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="129"/>
        <source>修改机构信息、房间和床位</source>
        <translation>Edit the centre, rooms and beds</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="130"/>
        <source>管理用户</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="131"/>
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="132"/>
        <source>恢复数据库</source>
        <translation>Restore the database</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="133"/>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="134"/>
        <source>财务记账</source>
        <translation>Bookkeeping</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/i18n.py" line="140"/>
        <source>您的角色（%1）没有“%2”的权限</source>
        <translation>Your role (%1) does not have the &quot;%2&quot; permission</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="367"/>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="455"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="408"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="436"/>
        <source>已保存到：
%1

现在打开吗？</source>
        <translation>Saved to:
%1

Open it now?</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="454"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="456"/>
        <source>文件名：</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="457"/>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location filename="../../eldercare_desktop/ui/widgets.py" line="458"/>
        <source>位置：</source>
        <translation>Look in:</translation>
    </message>
</context>
</TS>
