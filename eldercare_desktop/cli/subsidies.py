"""Subsidy claims (补贴申报): the schemes of the centre's profile, a claim
from draft to receipt, its documents, the centre's scheme parameters and
the reminders."""
from __future__ import annotations

import argparse
import dataclasses

from ..domain.errors import RuleViolation
from ..domain.subsidy_records import STATUSES
from .common import (CliError, actions, echo, echo_err, echo_json, echo_table, fen_arg, iso_date, logged_in,
                     out_path, progress_line, report, year_arg, year_month, yuan)

SUBJECT_NAMES = {"project": "建设项目", "centre": "机构", "resident": "入住老人", "worker": "护理员"}
PERIOD_NAMES = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}


def period_arg(text: str) -> tuple[str, str]:
    """'2026-01..2026-06' (or one month, '2026-03') → (first, last)."""
    first, sep, last = text.partition("..")
    if sep and not last:
        raise argparse.ArgumentTypeError(f"申报期间“{text}”应写成 YYYY-MM..YYYY-MM")
    a = year_month(first.strip())
    b = year_month(last.strip()) if sep else a
    if a > b:
        raise argparse.ArgumentTypeError(f"申报期间“{text}”的起始月份晚于截止月份")
    return a, b


def key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"“{text}”应写成 参数=数值（清除写成 参数=）")
    return key.strip(), value.strip()


def add_parsers(sub, db, auth, js) -> None:
    """subsidies schemes / claim / list / show / approve / receive / record-outside / withdraw / export /
    params / reminders."""
    sp = actions(sub, "subsidies", "补贴申报：方案、申报、批准、到账、导出申报材料、补贴参数、提醒")
    c = sp.add_parser("schemes", parents=[db, auth, js], help="本机构政策配置中的补贴方案（含尚未填写的参数）")
    c.set_defaults(func=cmd_schemes)
    c = sp.add_parser("claim", parents=[db, auth, js], help="新建补贴申报（草稿，按登记数据逐行计算），可同时提交")
    c.add_argument("scheme", metavar="方案代码", help="见 subsidies schemes")
    c.add_argument("--period", type=period_arg, metavar="YYYY-MM..YYYY-MM",
                   help="申报期间（整月，已结束）；默认为该方案最近一个已结束的申报周期")
    c.add_argument("--note", default="", metavar="备注")
    c.add_argument("--submit", action="store_true", help="建立后立即提交（冻结各行及其核查依据）")
    c.set_defaults(func=cmd_claim)
    c = sp.add_parser("preview", parents=[db, auth, js], help="按登记数据逐行计算一笔申报（不保存），含每项核查及其依据")
    c.add_argument("scheme", metavar="方案代码")
    c.add_argument("--period", type=period_arg, metavar="YYYY-MM..YYYY-MM", help="默认为该方案最近一个未申报的周期")
    c.set_defaults(func=cmd_preview)
    c = sp.add_parser("list", parents=[db, auth, js], help="补贴申报列表")
    c.add_argument("--status", choices=STATUSES, help="只列出该状态")
    c.add_argument("--year", type=year_arg, metavar="YYYY", help="只列出申报期间涉及该年度的")
    c.set_defaults(func=cmd_list)
    c = sp.add_parser("show", parents=[db, auth, js], help="一笔申报的各行、每项核查及其依据、合计")
    c.add_argument("number", metavar="申报编号", help="如 BT2026-0001")
    c.set_defaults(func=cmd_show)
    c = sp.add_parser("submit", parents=[db, auth, js], help="提交草稿（冻结各行及其核查依据）")
    c.add_argument("number", metavar="申报编号")
    c.set_defaults(func=cmd_submit)
    c = sp.add_parser("approve", parents=[db, auth, js], help="登记批准金额（与申报金额不同时须写明原因）")
    c.add_argument("number", metavar="申报编号")
    c.add_argument("--amount", type=fen_arg, required=True, metavar="金额", help="批准金额（元）")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="批准日期 YYYY-MM-DD")
    c.add_argument("--note", default="", metavar="说明", help="核减原因等")
    c.add_argument("--cut", action="append", type=cut_arg, default=[], metavar="身份证号=月数",
                   help="某位老人被核减的月数（其老人部分按月扣减）；可重复")
    c.set_defaults(func=cmd_approve)
    c = sp.add_parser("receive", parents=[db, auth, js], help="登记补贴到账并记账（老人部分转入老人账户或发放）")
    c.add_argument("number", metavar="申报编号")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="到账日期 YYYY-MM-DD")
    c.add_argument("--resident-mode", default="account", choices=("account", "bank", "cash"), metavar="方式",
                   help="老人补贴的发放方式：account 转入老人账户（默认）、bank 转账发放、cash 现金发放")
    c.set_defaults(func=cmd_receive)
    c = sp.add_parser("record-outside", parents=[db, auth, js],
                      help="登记系统外（纸质）已到账的申领，计入累计上限和一次性补贴（不记账）")
    c.add_argument("scheme", metavar="方案代码")
    c.add_argument("--period", type=period_arg, required=True, metavar="YYYY-MM..YYYY-MM")
    c.add_argument("--amount", action="append", type=layer_amount, required=True, metavar="补贴层=金额",
                   help="每层到账金额（元），如 --amount 区级建设补贴=120000；可重复")
    c.add_argument("--received", type=iso_date, required=True, metavar="日期", help="到账日期 YYYY-MM-DD")
    c.add_argument("--subject", action="append", default=[], metavar="对象",
                   help="当时申领的对象，如 project:3 或 centre:1（一次性补贴必填；见 --json 的 subjects）")
    c.add_argument("--cap-key", default="", metavar="类别", help="有累计上限的层按哪一类计，如 自有、租赁")
    c.add_argument("--note", default="", metavar="说明")
    c.set_defaults(func=cmd_record_outside)
    c = sp.add_parser("withdraw", parents=[db, auth, js], help="撤回草稿或已提交的申报")
    c.add_argument("number", metavar="申报编号")
    c.add_argument("--reason", required=True, metavar="原因")
    c.set_defaults(func=cmd_withdraw)
    c = sp.add_parser("export", parents=[db, auth, js], help="输出申报材料：申请表、花名册、汇总表、附件清单")
    c.add_argument("number", metavar="申报编号")
    c.add_argument("--pdf", type=out_path, metavar="文件", help="打印到该PDF文件")
    c.add_argument("--xlsx", type=out_path, metavar="文件", help="导出到该XLSX文件")
    c.set_defaults(func=cmd_export)
    c = sp.add_parser("params", parents=[db, auth, js], help="补贴参数：政策文件未给出、由机构按当年通知填写的标准")
    c.add_argument("--set", dest="sets", action="append", type=key_value, default=[], metavar="参数=数值",
                   help="填写（或清除：参数=）一个参数，可重复")
    c.set_defaults(func=cmd_params)
    c = sp.add_parser("reminders", parents=[db, auth, js], help="可以申报的方案、缺少的参数、即将到期的证件")
    c.set_defaults(func=cmd_reminders)


# --- output -------------------------------------------------------------------------

def claim_json(info) -> dict:
    return dataclasses.asdict(info)


def _claim_line(info) -> str:
    return f"{info.number}  {info.scheme_name}  {info.period}  {info.status}"


def _echo_result(result) -> None:
    """Rows (amount per layer, months counted when the scheme counts months),
    the 合计 / 核减（超出上限） / 本次申请 lines under them as the roster has,
    every check, the totals."""
    from ..documents.subsidy_form import check_texts, result_has_months, result_totals, row_layer_fen

    layers = [x.layer for x in result.layers]
    monthly = result_has_months(result)
    rows = [(i, r.name, *([len(r.counted_months())] if monthly else []),
             *(yuan(row_layer_fen(r, name)) for name in layers), yuan(r.amount_fen))
            for i, r in enumerate(result.rows, start=1)]
    counted = sum(len(r.counted_months()) for r in result.rows)
    rows += [("", label, *([counted if label == "合计" else ""] if monthly else []),
              *(yuan(f) for f in per_layer), yuan(total))
             for label, per_layer, total in result_totals(result)]
    echo_table(("序号", "名称", *(["计补贴月数"] if monthly else []), *layers, "合计"), rows)
    echo()
    for i, r in enumerate(result.rows, start=1):
        echo(f"{i}. {r.name}  {yuan(r.amount_fen)}")
        for t in check_texts(r, len(layers)):
            echo(f"   {t}")
    echo()
    for x in result.layers:
        who = "老人" if x.recipient == "resident" else "机构"
        cap = f"；{x.cap_note}" if x.cap_note else ""
        echo(f"{x.layer}（{who}）：各行合计 {yuan(x.rows_fen)}，本次申请 {yuan(x.allowed_fen)}{cap}")
    if result.funders:
        echo("资金来源：" + "；".join(f"{n} {yuan(f)}" for n, f in result.funders))
    echo(f"申请金额合计：{yuan(result.total_fen)}（机构 {yuan(result.centre_fen)}，老人 {yuan(result.resident_fen)}）")
    if result.missing:
        echo("缺少参数：" + "、".join(result.missing))


def _show(args, ctx, claim_id: int, message: str = "") -> int:
    from ..services import subsidies

    info = subsidies.claim(ctx, claim_id)
    result = subsidies.claim_result(ctx, claim_id)
    if args.json:
        echo_json({"claim": claim_json(info), "result": subsidies.result_json(result),
                   **({"message": message} if message else {})})
        return 0
    if message:
        echo(message)
    echo(_claim_line(info))
    if info.approved_fen is not None:
        echo(f"批准金额：{yuan(info.approved_fen)}（{info.approved_on:%Y-%m-%d}）"
             + (f"  {info.approval_note}" if info.approval_note else ""))
    if info.received_on:
        echo(f"到账日期：{info.received_on:%Y-%m-%d}")
    if info.note:
        echo(f"备注：{info.note}")
    _echo_result(result)
    return 0


def _claim_id(ctx, number: str) -> int:
    from ..services import subsidies

    return subsidies.find_claim(ctx, number).id


# --- commands -----------------------------------------------------------------------

def cmd_schemes(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    schemes = subsidies.schemes(ctx)
    if args.json:
        echo_json({"profile": subsidies.centre_profile(ctx).name, "schemes": [dataclasses.asdict(s) for s in schemes]})
        return 0
    echo(f"政策配置：{subsidies.centre_profile(ctx).name}")
    echo_table(("代码", "名称", "类别", "对象", "周期", "缺少参数"),
               [(s.code, s.name, s.kind, SUBJECT_NAMES.get(s.subject, s.subject), PERIOD_NAMES.get(s.period, s.period),
                 "、".join(s.missing) or "—") for s in schemes])
    return 0


def cmd_claim(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    first, last = args.period or subsidies.suggested_period(ctx, args.scheme)
    ch = subsidies.create_claim(ctx, args.scheme, first, last, args.note)
    cid = ch.ids[0]
    message = ch.message
    if args.submit:
        try:
            message += "；" + subsidies.submit(ctx, cid).message
        except RuleViolation:
            echo_err(f"{message}，但未能提交（草稿已保留，可用 subsidies submit 再提交）：")
            raise
    return _show(args, ctx, cid, message)


def cmd_list(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    rows = subsidies.claims(ctx, args.status or "", args.year)
    if args.json:
        echo_json({"claims": [claim_json(c) for c in rows]})
        return 0
    if not rows:
        echo("没有补贴申报")
        return 0
    echo_table(("申报编号", "补贴方案", "申报期间", "状态", "申报金额", "其中老人", "批准金额", "到账日期"),
               [(c.number, c.scheme_name, c.period, c.status, yuan(c.claimed_fen), yuan(c.resident_fen),
                 "" if c.approved_fen is None else yuan(c.approved_fen),
                 f"{c.received_on:%Y-%m-%d}" if c.received_on else "") for c in rows])
    return 0


def cmd_show(args) -> int:
    ctx = logged_in(args)
    return _show(args, ctx, _claim_id(ctx, args.number))


def cmd_preview(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    first, last = args.period or subsidies.suggested_period(ctx, args.scheme)
    result = subsidies.preview(ctx, args.scheme, first, last)
    if args.json:
        echo_json({"scheme": args.scheme, "first": first, "last": last, "result": subsidies.result_json(result)})
        return 0
    echo(f"{result.scheme_name}  {first}..{last}（预览，未保存）")
    for note in result.notes:
        echo(note)
    _echo_result(result)
    return 0


def cut_arg(text: str) -> tuple[str, int]:
    """'500112194003050175=1' (or 'resident:12=1') → (who, months)."""
    who, sep, months = text.partition("=")
    if not sep or not who.strip() or not months.strip().isascii() or not months.strip().isdigit() \
            or int(months) > 1200:
        raise argparse.ArgumentTypeError(f"“{text}”应写成 身份证号=月数")
    return who.strip(), int(months)


def layer_amount(text: str) -> tuple[str, int]:
    """'区级建设补贴=120000' → (layer, fen)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"“{text}”应写成 补贴层=金额")
    return name.strip(), fen_arg(value)


def cmd_record_outside(args) -> int:
    from ..services import subsidy_history

    ctx = logged_in(args)
    amounts: dict[str, int] = {}
    for name, fen in args.amount:
        amounts[name] = amounts.get(name, 0) + fen
    ch = subsidy_history.record_outside_claim(ctx, args.scheme, *args.period, amounts, args.received,
                                              tuple(args.subject), args.cap_key, args.note)
    from ..services import subsidies

    return _changed(args, ctx, subsidies.claim(ctx, ch.ids[0]).number, ch)


def _changed(args, ctx, number: str, ch) -> int:
    from ..services import subsidies

    info = subsidies.find_claim(ctx, number)
    return report(args, ch, number=info.number, status=info.status, claimed_fen=info.claimed_fen,
                  approved_fen=info.approved_fen)


def cmd_submit(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    return _changed(args, ctx, args.number, subsidies.submit(ctx, _claim_id(ctx, args.number)))


def cmd_approve(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    ch = subsidies.approve(ctx, _claim_id(ctx, args.number), args.amount, args.date, args.note, dict(args.cut))
    return _changed(args, ctx, args.number, ch)


def cmd_receive(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    ch = subsidies.receive(ctx, _claim_id(ctx, args.number), args.date, args.resident_mode)
    return _changed(args, ctx, args.number, ch)


def cmd_withdraw(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    return _changed(args, ctx, args.number, subsidies.withdraw(ctx, _claim_id(ctx, args.number), args.reason))


def cmd_export(args) -> int:
    from ..services import subsidy_documents as docs

    if not (args.pdf or args.xlsx):
        raise CliError("请用 --pdf 或 --xlsx 指定输出文件", 2)
    ctx = logged_in(args)
    cid = _claim_id(ctx, args.number)
    progress, done = progress_line(not args.json)
    files = []
    try:
        if args.pdf:
            files.append(docs.claim_pdf(ctx, cid, args.pdf, progress=progress))
        if args.xlsx:
            files.append(docs.claim_xlsx(ctx, cid, args.xlsx, progress=progress))
    finally:
        done()
    if args.json:
        echo_json({"number": args.number, "files": [{"file": str(w.path), "rows": w.rows, "sha256": w.sha256}
                                                    for w in files]})
        return 0
    for w in files:
        echo(f"已保存：{w.path}（{w.rows}行，SHA-256：{w.sha256}）")
    return 0


def cmd_params(args) -> int:
    from ..services import subsidies, subsidy_facts

    ctx = logged_in(args)
    messages = [subsidy_facts.set_param(ctx, key, value).message for key, value in args.sets]
    params: dict[str, dict] = {}
    for s in subsidies.schemes(ctx):
        for key, label, unit, value in s.params:
            p = params.setdefault(key, {"key": key, "label": label, "unit": unit, "value": value, "schemes": []})
            p["schemes"].append(s.code)
    if args.json:
        echo_json({"params": list(params.values()), "messages": messages})
        return 0
    for m in messages:
        echo(m)
    if not params:
        echo("本机构政策配置的补贴方案没有需要填写的参数")
        return 0
    echo_table(("参数", "名称", "数值", "单位", "用于方案"),
               [(p["key"], p["label"], p["value"] or "（未填写）", p["unit"], "、".join(p["schemes"]))
                for p in params.values()])
    return 0


def cmd_reminders(args) -> int:
    from ..services import subsidies

    ctx = logged_in(args)
    rows = subsidies.reminders(ctx)
    if args.json:
        echo_json({"reminders": [dataclasses.asdict(r) for r in rows]})
        return 0
    if not rows:
        echo("没有需要处理的补贴事项")
    for r in rows:
        echo(f"【{r.kind}】{r.text}")
    return 0
