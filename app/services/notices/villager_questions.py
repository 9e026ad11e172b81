"""群众意见: villagers' questions about notices, their answers, and the ones overdue."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, ValidationFailed
from app.services.notices.notice_rules import checked_day
from app.services.notices.notice_types import QUESTION_ANSWER_DAYS, QuestionData
from app.services.safety.actor import Permission, require
from db.models import Notice, VillagerQuestion
from db.session import Database


class QuestionService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def add_question(self, data: QuestionData) -> int:
        require(self.db, Permission.EDIT)
        question, asker = (data.question or "").strip(), (data.asker or "").strip()
        problems = {}
        if not question:
            problems["question"] = "请填写群众提出的问题或意见"
        if len(asker) > 50:
            problems["asker"] = "提问人太长：最多50个字"
        try:
            checked_day(data.asked_on, self.clock.today(), "提出", "asked_on")
        except UserError as exc:
            problems["asked_on"] = exc.message
        if problems:
            raise ValidationFailed(problems)
        with self.db.write() as s:
            if data.notice_id is not None and s.get(Notice, data.notice_id) is None:
                raise UserError("这份公告已不存在（可能已被删除）：请刷新列表")
            row = VillagerQuestion(notice_id=data.notice_id, asked_on=data.asked_on, asker=asker,
                                   question=question)
            s.add(row)
            s.flush()
            return row.id

    def answer(self, question_id: int, answer: str, day: dt.date) -> None:
        require(self.db, Permission.EDIT)
        answer = (answer or "").strip()
        if not answer:
            raise UserError("请填写答复内容", "answer")
        day = checked_day(day, self.clock.today(), "答复", "answered_on")
        with self.db.write() as s:
            row = s.get(VillagerQuestion, question_id)
            if row is None:
                raise UserError("这条群众意见已不存在（可能已被删除）：请刷新列表")
            if day < row.asked_on:
                raise UserError(f"答复日期不能早于提出日期（{format_date_cn(row.asked_on)}）", "answered_on")
            row.answer, row.answered_on = answer, day

    def questions(self, notice_id: int | None = None) -> list[QuestionData]:
        query = select(VillagerQuestion).order_by(VillagerQuestion.asked_on.desc(), VillagerQuestion.id.desc())
        if notice_id is not None:
            query = query.where(VillagerQuestion.notice_id == notice_id)
        return self._read(query)

    def _read(self, query) -> list[QuestionData]:
        with self.db.read() as s:
            return [QuestionData(q.asked_on, q.question, q.asker, q.answer, q.answered_on, q.notice_id, q.id)
                    for q in s.scalars(query)]

    def unanswered(self) -> list[QuestionData]:
        """Questions with no answer yet, oldest first."""
        return self._read(select(VillagerQuestion).where(VillagerQuestion.answered_on.is_(None))
                          .order_by(VillagerQuestion.asked_on, VillagerQuestion.id))

    def overdue_questions(self) -> list[QuestionData]:
        """Unanswered and asked more than QUESTION_ANSWER_DAYS days ago, oldest first."""
        limit = self.clock.today() - dt.timedelta(days=QUESTION_ANSWER_DAYS)
        return [q for q in self.unanswered() if q.asked_on < limit]
