"""The region policy form of the administrators' page (validation lives in the model)."""

from __future__ import annotations

from typing import Any

from django import forms

from jixiao.web.organisations.models import RegionPolicy


class RegionPolicyForm(forms.ModelForm):  # type: ignore[type-arg]
    """Year, overrides and note of one region's policy; the region comes from the page."""

    class Meta:
        model = RegionPolicy
        fields = ("year", "overrides", "note")
        widgets = {  # noqa: RUF012 (Django reads it once)
            "overrides": forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "code"}),
        }

    def _get_validation_exclusions(self) -> Any:
        # The region is set by the page, not typed, but the one-policy-per-year constraints
        # name it: keep it in the validation so a duplicate is refused with its message.
        exclude = super()._get_validation_exclusions()
        exclude.discard("region")
        return exclude
