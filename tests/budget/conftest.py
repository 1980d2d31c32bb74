import pytest

from doorbraak.privacy.services import Origin


@pytest.fixture
def origin(worker_a):
    return Origin(
        trace_id="0" * 32, span_id="0" * 16, parent_span_id="", actor=worker_a, origin="test"
    )
