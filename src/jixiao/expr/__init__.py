"""Reading 指标值 texts (targets and actuals) into structured values."""
