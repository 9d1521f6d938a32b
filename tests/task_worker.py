"""Run the tasks waiting in the database as ``manage.py db_worker --batch`` does.

The worker's own loop also does Django's connection housekeeping, which closes a connection
inside a transaction: on PostgreSQL that would end the test's transaction. This runs the
same steps (pick the next ready task, claim it, ``Worker.run_task``) without it.
"""

from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_ready_tasks(backend_name: str = "default") -> int:
    """Run every task that is ready now; returns how many ran."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while True:
        with transaction.atomic():
            ready = DBTaskResult.objects.ready().filter(backend_name=backend_name)
            result = ready.get_locked()
            if result is None:
                return ran
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
