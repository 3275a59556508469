"""Project tables (绩效目标表, 绩效监控表, 绩效自评表): rows of one table → one record.

>>> from jixiao.ingest.grid import read_rows
>>> rows = read_rows("项目名称\\t城乡居民基本养老保险\\n一级指标\\t二级指标\\t三级指标\\t指标值\\n"
...                  "产出指标\\t数量指标\\t参保人数\\t≥95%")
>>> record = read_project_record(rows, "target", title="岳普湖县社保基金支出绩效目标表")
>>> record.region, record.fund.value, record.indicators[0].name, record.indicators[0].target
('岳普湖县', 'resident_pension', '参保人数', '≥95%')
"""

from jixiao.ingest.project.kind import ProjectKind, detect_project_kind
from jixiao.ingest.project.reader import read_project_record

__all__ = ["ProjectKind", "detect_project_kind", "read_project_record"]
