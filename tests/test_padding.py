"""The numpy fill of Stanza's padded id tensors gives Stanza's own tensors."""

import torch
from hypothesis import given
from hypothesis import strategies as st
from stanza.models.common.data import get_long_tensor as stanza_tensor

from quotes.padding import _filled

ours = _filled(stanza_tensor)
rows = st.lists(st.lists(st.integers(0, 60_000), max_size=30), min_size=1, max_size=40)


@given(rows, st.integers(0, 3), st.sampled_from([0, 1, 7]))
def test_rows_of_ids_fill_as_stanza_fills_them(tokens, extra, pad):
    if not any(tokens):
        tokens = tokens + [[5]]
    for args in ((tokens, len(tokens) + extra, pad), (tokens, len(tokens))):
        got, want = ours(*args), stanza_tensor(*args)
        assert got.dtype == want.dtype == torch.int64
        assert torch.equal(got, want)


def test_nested_feature_ids_are_left_to_stanza():
    tokens = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9]]]
    assert torch.equal(ours(tokens, 2), stanza_tensor(tokens, 2))


def test_installed_in_the_tagger_and_parser_data_modules(pipeline):
    from stanza.models.depparse import data as depparse_data
    from stanza.models.pos import data as pos_data

    assert getattr(pos_data.get_long_tensor, "_quotes", False)
    assert getattr(depparse_data.get_long_tensor, "_quotes", False)
