"""Records → xlsx, docx, pdf and html; drafted reports."""
