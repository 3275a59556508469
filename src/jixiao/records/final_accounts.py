"""决算: income, expenditure and balance per fund (收入表/支出表/结余表 merged)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.records.common import RecordBase
from jixiao.records.funds import Fund
from jixiao.records.numbers import Number


class FundAccounts(BaseModel):
    """One fund's (or the 合计) 决算 lines; ``null`` where the cell is blank."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    income: Number | None = None
    income_contributions: Number | None = None
    income_interest: Number | None = None
    income_subsidy: Number | None = None
    expenditure: Number | None = None
    expenditure_benefits: Number | None = None
    balance: Number | None = None
    closing_balance: Number | None = None

    def is_blank(self) -> bool:
        return all(v is None for v in self.model_dump().values())


FUND_ACCOUNT_FIELDS: tuple[str, ...] = tuple(FundAccounts.model_fields)


class FinalAccountsRecord(RecordBase):
    """决算 for one region and year; ``funds`` has an entry for every fund row with a number."""

    kind: Literal["final_accounts"] = "final_accounts"
    funds: dict[Fund, FundAccounts] = Field(default_factory=dict)
    totals: FundAccounts = Field(default_factory=FundAccounts)
