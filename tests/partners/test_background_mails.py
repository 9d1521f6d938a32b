"""Mails are background work: one task per recipient, retried when the mail server fails,
never failing the visitor's or the coordinator's request."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partners.invitations import invite_partner
from tests.task_worker import run_ready_tasks

pytestmark = pytest.mark.django_db


class FlakyBackend(EmailBackend):
    """The test outbox behind a mail server that fails the first ``failures`` sends."""

    failures = 0
    attempts = 0

    def send_messages(self, messages):
        FlakyBackend.attempts += 1
        if FlakyBackend.attempts <= FlakyBackend.failures:
            raise smtplib.SMTPServerDisconnected("the mail server went away")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail():
    FlakyBackend.attempts = 0

    def failing(times):
        FlakyBackend.failures = times
        return override_settings(EMAIL_BACKEND="tests.partners.test_background_mails.FlakyBackend")

    return failing


@pytest.fixture
def world(german_world):
    return german_world


def test_an_invitation_is_sent_on_a_later_attempt_when_the_mail_server_fails(world, flaky_mail):
    with flaky_mail(2):
        user, _created = invite_partner(world.org_a, "neu@example.org")
    assert FlakyBackend.attempts == 3
    assert [message.to for message in mail.outbox] == [["neu@example.org"]]
    assert user.groups.filter(partner__organisation=world.org_a).exists()


def test_a_mail_server_down_gives_up_after_the_last_attempt_without_failing(
    world, flaky_mail, caplog
):
    with flaky_mail(100):
        user, created = invite_partner(world.org_a, "neu@example.org")
    assert created and user.pk
    assert FlakyBackend.attempts == 3
    assert mail.outbox == []
    assert "given up after 3 attempts" in caplog.text


def test_with_the_database_backend_the_worker_sends_and_retries_later(world, flaky_mail):
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=tasks), flaky_mail(1):
        invite_partner(world.org_a, "neu@example.org")
        # The request only stored the mail for the worker.
        assert mail.outbox == [] and DBTaskResult.objects.count() == 1
        run_ready_tasks()
        # The first attempt failed; the next one waits (run_after) for its delay.
        assert mail.outbox == []
        retry = DBTaskResult.objects.filter(status="READY").get()
        assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)
        assert retry.args_kwargs["kwargs"]["attempt"] == 2
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_ready_tasks()
    assert [message.to for message in mail.outbox] == [["neu@example.org"]]
