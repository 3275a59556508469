"""jixiao's web system: a Django project (settings module ``jixiao.web.settings``).

Apps, NetBox style (each keeps models, forms, filtersets, tables, views and API together):

- ``core``: change log, the permission layer (:mod:`jixiao.web.core.access`), layout, home page
- ``organisations``: regions (自治区 → 地区/州/市 → 县/市/区), units, role assignments
- ``accounts``: login with throttling, API tokens
- ``records``: stored records with immutable versions, review workflow, forms, findings
- ``imports``: upload documents, preview the records and findings, save them as drafts

The web layer calls the core packages (``records``, ``expr``, ``ingest``, ``rules``); it never
re-implements a computation or a check.
"""
