"""Background jobs: wire polling, folder watching, imports, the newsroom clock.

Jobs are Django tasks (the `django-tasks` backport of Django 6's framework)
stored in the database by `django-tasks-db`, so a job commits or rolls back with
the change that asked for it and outlives any process. This package adds what a
newsroom needs on top: retries with back-off (`engine.job`), periodic jobs that
run once per interval however many workers there are (`engine.periodic`), and
workers that take over the jobs of a worker that died (`worker.Worker`). The
server runs one worker in-process by default; production runs `dateline worker`.
"""
