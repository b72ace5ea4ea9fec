"""Google Calendar: the pure sync planner (`plan`) and the API client (`client`)."""

import warnings

# google-api-core warns at import, on every start, once a Python version passes its own support
# date (3.11 in late 2027); that says nothing about ContestSync and would clutter one-line
# start-up messages.
warnings.filterwarnings(
    "ignore", category=FutureWarning, module=r"google\.api_core\._python_version_support"
)
