"""The scheduler's command line under the name the shared contract gives it.

``python -m matchmaking.scheduler INSTANCE.json [--time-limit SECONDS]`` is what other tools
call (../shared/contracts/schedule-instance.md); the scheduler itself is ``meetings.scheduler``.
This package only keeps that name, and holds no code.
"""
