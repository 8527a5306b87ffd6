"""Write services of subsidy claims, the centre's dated facts, construction
projects, inspection grades, subsidy parameters and the care-worker
register, for the auditor test (tests/services/test_users_and_permissions.py)."""
import datetime as dt

from eldercare_desktop.services import care_workers, subsidies, subsidy_facts, subsidy_history


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    worker = care_workers.WorkerInput("李秀英", "500112198003150027", "13800000001", D(2019, 3, 1))
    project = subsidy_facts.ProjectInput("新建养老院", "养老机构", "新建", 60, D(2026, 3, 1), "自有")
    return {
        "subsidies.create_claim": lambda: subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06"),
        "subsidies.submit": lambda: subsidies.submit(ctx, 1),
        "subsidies.approve": lambda: subsidies.approve(ctx, 1, 100_00, D(2026, 11, 1), "核减"),
        "subsidies.receive": lambda: subsidies.receive(ctx, 1, D(2026, 11, 1)),
        "subsidies.withdraw": lambda: subsidies.withdraw(ctx, 1, "录错"),
        "subsidy_history.record_outside_claim": lambda: subsidy_history.record_outside_claim(
            ctx, "yb-chain", "2024-01", "2024-12", {"连锁奖励": 100_000_00}, D(2025, 3, 1), ("centre:1",)),
        "subsidy_facts.record_fact": lambda: subsidy_facts.record_fact(ctx, "tenure", "自有", D(2026, 1, 1)),
        "subsidy_facts.add_project": lambda: subsidy_facts.add_project(ctx, project),
        "subsidy_facts.update_project": lambda: subsidy_facts.update_project(ctx, 1, project),
        "subsidy_facts.record_grade": lambda: subsidy_facts.record_grade(ctx, "2026-H1", "优"),
        "subsidy_facts.set_param": lambda: subsidy_facts.set_param(ctx, "cq_operating_rate", "300"),
        "care_workers.add_worker": lambda: care_workers.add_worker(ctx, worker),
        "care_workers.update_worker": lambda: care_workers.update_worker(ctx, 1, worker),
        "care_workers.leave": lambda: care_workers.leave(ctx, 1, D(2026, 11, 1)),
        "care_workers.add_contract": lambda: care_workers.add_contract(ctx, 1, D(2026, 1, 1), D(2027, 12, 31)),
        "care_workers.end_contract": lambda: care_workers.end_contract(ctx, 1, D(2026, 6, 30)),
        "care_workers.add_certificate": lambda: care_workers.add_certificate(ctx, 1, "中级", "5000001234",
                                                                             D(2021, 6, 30)),
        "care_workers.record_insurance": lambda: care_workers.record_insurance(ctx, 1, "2026-01~2026-06"),
        "care_workers.add_training": lambda: care_workers.add_training(ctx, 1, D(2026, 2, 1), "岗前培训", 8),
        "care_workers.import_workers": lambda: care_workers.import_workers(ctx, care_workers.import_template()),
    }
