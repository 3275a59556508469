"""决算 identities and 可支付月数 (domain-rules §5.2–5.3)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao.records import FUND_ACCOUNT_FIELDS, FinalAccountsRecord, FundAccounts
from jixiao.rules.precision import TWELVE

INCOME_ITEMS: tuple[str, ...] = ("income_contributions", "income_interest", "income_subsidy")
"""其中 lines of 收入: 保险费收入, 利息收入, 财政补贴收入."""

ACCOUNT_LABELS: dict[str, str] = {
    "income": "基金收入",
    "income_contributions": "保险费收入",
    "income_interest": "利息收入",
    "income_subsidy": "财政补贴收入",
    "expenditure": "基金支出",
    "expenditure_benefits": "待遇支出",
    "balance": "本年收支结余",
    "closing_balance": "年末滚存结余",
}


def fund_balance(accounts: FundAccounts) -> Decimal | None:
    """本年收支结余 = 本年收入 − 本年支出 (``None`` if either is blank)."""
    if accounts.income is None or accounts.expenditure is None:
        return None
    return accounts.income - accounts.expenditure


def payable_months(closing_balance: Decimal | None, expenditure: Decimal | None) -> Decimal | None:
    """可支付月数 = 年末滚存结余 ÷ (本年支出 ÷ 12); ``None`` without spending.

    >>> round(payable_months(Decimal("22.48"), Decimal("15.67")), 1)
    Decimal('17.2')
    """
    if closing_balance is None or expenditure is None or expenditure <= 0:
        return None
    return closing_balance / (expenditure / TWELVE)


def fund_payable_months(accounts: FundAccounts) -> Decimal | None:
    return payable_months(accounts.closing_balance, accounts.expenditure)


def income_items_sum(accounts: FundAccounts) -> Decimal | None:
    """保险费 + 利息 + 财政补贴 收入 (blank items count 0); ``None`` if all are blank."""
    return _sum(getattr(accounts, name) for name in INCOME_ITEMS)


def fund_rows_sum(record: FinalAccountsRecord, member: str) -> Decimal | None:
    """Σ of one member over the fund rows (blank rows count 0); ``None`` if all are blank."""
    if member not in FUND_ACCOUNT_FIELDS:
        raise ValueError(f"unknown 决算 member {member!r}")
    return _sum(getattr(accounts, member) for accounts in record.funds.values())


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None
