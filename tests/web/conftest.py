"""Web tests: Django settings, one shared organisation tree and users, record helpers.

``DJANGO_SETTINGS_MODULE`` is set here (not in pyproject), so the rest of the suite runs
without Django. The database is SQLite unless ``DATABASE_URL`` points at PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
os.environ.setdefault(
    "JIXIAO_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp(prefix="jixiao-web-tests-"))

import django
import pytest

# pytest-django read no settings module at start-up (it is set just above), so load Django here.
django.setup()

PASSWORD = "test-pass-1234"


@dataclass
class World:
    """The organisation tree and users every web test shares (built once per session)."""

    xinjiang: Any
    kashi: Any
    yph: Any
    sl: Any
    urumqi: Any
    yph_si: Any
    yph_med: Any
    sl_med: Any
    urumqi_si: Any
    yph_editor: Any
    sl_editor: Any
    kashi_reviewer: Any
    kashi_viewer: Any
    urumqi_reviewer: Any
    admin: Any
    nobody: Any


def _build() -> World:
    from django.contrib.auth import get_user_model

    from jixiao.web.organisations.models import Region, RoleAssignment, Unit

    users = get_user_model()
    xinjiang = Region.objects.create(name="新疆维吾尔自治区", level=Region.Level.PROVINCE)
    kashi = Region.objects.create(name="喀什地区", level=Region.Level.PREFECTURE, parent=xinjiang)
    yph = Region.objects.create(name="岳普湖县", level=Region.Level.COUNTY, parent=kashi)
    sl = Region.objects.create(name="疏勒县", level=Region.Level.COUNTY, parent=kashi)
    urumqi = Region.objects.create(
        name="乌鲁木齐市", level=Region.Level.PREFECTURE, parent=xinjiang
    )
    yph_si = Unit.objects.create(
        name="岳普湖县社会保险中心", region=yph, kind=Unit.Kind.SOCIAL_INSURANCE
    )
    yph_med = Unit.objects.create(
        name="岳普湖县医疗保障局", region=yph, kind=Unit.Kind.MEDICAL_SECURITY
    )
    sl_med = Unit.objects.create(
        name="疏勒县医疗保障局", region=sl, kind=Unit.Kind.MEDICAL_SECURITY
    )
    urumqi_si = Unit.objects.create(
        name="乌鲁木齐市社会保险中心", region=urumqi, kind=Unit.Kind.SOCIAL_INSURANCE
    )

    def user(name: str, **extra: Any) -> Any:
        return users.objects.create_user(name, password=PASSWORD, **extra)

    world = World(
        xinjiang=xinjiang,
        kashi=kashi,
        yph=yph,
        sl=sl,
        urumqi=urumqi,
        yph_si=yph_si,
        yph_med=yph_med,
        sl_med=sl_med,
        urumqi_si=urumqi_si,
        yph_editor=user("yph-editor"),
        sl_editor=user("sl-editor"),
        kashi_reviewer=user("kashi-reviewer"),
        kashi_viewer=user("kashi-viewer"),
        urumqi_reviewer=user("urumqi-reviewer"),
        admin=user("admin", is_staff=True, is_superuser=True),
        nobody=user("nobody"),
    )
    role = RoleAssignment.Role
    RoleAssignment.objects.create(user=world.yph_editor, role=role.EDITOR, unit=yph_si)
    RoleAssignment.objects.create(user=world.yph_editor, role=role.EDITOR, unit=yph_med)
    RoleAssignment.objects.create(user=world.sl_editor, role=role.EDITOR, unit=sl_med)
    RoleAssignment.objects.create(user=world.kashi_reviewer, role=role.REVIEWER, region=kashi)
    RoleAssignment.objects.create(user=world.kashi_viewer, role=role.VIEWER, region=kashi)
    RoleAssignment.objects.create(user=world.urumqi_reviewer, role=role.REVIEWER, region=urumqi)
    return world


_WORLD: World | None = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    global _WORLD
    with django_db_blocker.unblock():
        _WORLD = _build()
    yield


@pytest.fixture
def world(db: None) -> World:
    """The shared tree and users; fresh Python objects per test (no cached grants)."""
    assert _WORLD is not None
    from django.contrib.auth import get_user_model

    users = get_user_model()
    fields = {}
    for name, value in vars(_WORLD).items():
        fields[name] = (
            type(value).objects.get(pk=value.pk)
            if not isinstance(value, users)
            else users.objects.get(pk=value.pk)
        )
    return World(**fields)


def build_monitoring_record(**changes: Any) -> Any:
    """A 绩效监控表 shaped like the 城乡居民基本养老保险 table of a county's June monitoring.

    预算数 2889.39, 执行数 1445.00 → 预算执行率 50.01% (correct as printed).
    """
    from jixiao.records import parse_record

    data: dict[str, Any] = {
        "kind": "monitoring",
        "title": "岳普湖县社保基金支出绩效监控情况表",
        "region": "岳普湖县",
        "year": 2020,
        "fund": "resident_pension",
        "money_unit": "万元",
        "project": "城乡居民基本养老保险",
        "unit": "岳普湖县社会保险中心",
        "period": "2020-06",
        "budget": {
            "planned": {"total": "2889.39", "fiscal": "2889.39"},
            "executed": {"total": "1445.00", "fiscal": "1445.00"},
            "execution_rate_pct": "50.01",
        },
        "goal": "确保退休人员按期足额领取养老金待遇。",
        "progress": "按期足额发放。",
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "质量指标",
                "name": "养老金首次转移成功率",
                "target": "≥95%",
                "actual": "100%",
                "completion_pct": "50.00",
            },
            {
                "level1": "满意度指标",
                "level2": "服务对象满意度指标",
                "name": "离退休人员满意度",
                "target": "≥95%",
                "actual": "未达监控节点",
                "completion_pct": None,
            },
        ],
        "overall_completion_pct": "50.00",
        "deviation": None,
    }
    for key, value in changes.items():
        data[key] = value
    return parse_record(_decimals(data))


def _decimals(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, dict):
        return {k: _decimals(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v) for v in value]
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        return Decimal(value)
    return value


@pytest.fixture
def password() -> str:
    """Every test user's password."""
    return PASSWORD


@pytest.fixture
def monitoring_record() -> Any:
    """``monitoring_record(**changes)``: the county monitoring record with top-level changes."""
    return build_monitoring_record


@pytest.fixture
def make_record(world: World) -> Any:
    """``make_record(unit, record=None, user=None)`` stores a record through the service layer."""
    from jixiao.web.records import store

    def make(unit: Any = None, record: Any = None, user: Any = None) -> Any:
        return store.create(
            user or world.admin, unit or world.yph_si, record or build_monitoring_record()
        )

    return make


MONITORING_TEXT = (
    "岳普湖县社保基金支出绩效监控情况表\n"
    "填报单位(公章):岳普湖县社会保险中心\n"
    "金额单位:万元\n"
    "一、基本情况\t部门单位名称\t岳普湖县社会保险中心\t\t项目周期\t2020年度\t\t\n"
    "\t项目名称\t城乡居民基本养老保险\t\t监控时点\t2020年6月\t\t\n"
    "二、预算执行情况\t预算安排情况(调整后)\t\t资金到位情况\t\t资金执行情况\t\t预算执行率\n"
    "\t预算数:\t2889.39\t到位数:\t2889.39\t执行数:\t1445.00\t\n"
    "\t其中:财政资金\t2889.39\t其中:财政资金\t2889.39\t其中:财政资金\t1445.00\t50.01%\n"
    "三、目标完成情况\t年度预期目标\t\t\t目前完成情况\t\t总体完成率\t\n"
    "\t确保退休人员按期足额领取养老金待遇。\t\t\t按期足额发放。\t\t50.00%\t\n"
    "四、年度绩效指标完成情况\t一级指标\t二级指标\t三级指标\t\t预期指标值\t指标完成值\t指标完成率\n"
    "\t产出指标\t质量指标\t养老金首次转移成功率\t\t≥95%\t100%\t50.00%\n"
    "\t满意度指标\t满意度指标\t离退休人员满意度\t\t≥95%\t未达监控节点\t/\n"
    "五、绩效目标执行出现的偏差和采取的措施\t无偏差。\n"
)


@pytest.fixture
def monitoring_text() -> str:
    """A monitoring table as a spreadsheet dump (tab-separated, merged cells empty)."""
    return MONITORING_TEXT


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Per-process caches of policies and analyses must not outlive a test's rolled-back data."""
    from jixiao.web.organisations.policy import forget_policies
    from jixiao.web.records.checks import forget_analyses

    forget_policies()
    forget_analyses()
    yield
    forget_policies()
    forget_analyses()
