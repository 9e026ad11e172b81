"""Who reviews each kind of notice, and so who signs the review and answers villagers' questions.

党务公开 is reviewed by the branch committee (支委会) by default, 村务公开 and 财务公开 by the
村务监督委员会 (监委会). A village may change that per kind in the settings; the choice is a
small key/value fact in the database (app_meta), because it prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.common.errors import UserError
from app.services.common.records import meta_value, set_meta_value
from app.services.members.posts import Body
from app.services.notices.notice_types import CATEGORIES
from app.services.safety.actor import Permission, require
from db.session import Database

BRANCH, SUPERVISION = "支委会", "监委会"


@dataclass(frozen=True)
class ReviewBody:
    short: str  # 支委会 / 监委会
    full: str  # as printed: 党支部委员会 / 村务监督委员会
    body: Body  # whose members may sign the review

    @property
    def opinion_label(self) -> str:
        return f"{self.full}审核意见："

    @property
    def questions_line(self) -> str:
        return f"如有疑问，请在公开期内向{self.full}反映"


REVIEW_BODIES = {
    BRANCH: ReviewBody(BRANCH, "党支部委员会", Body.PARTY),
    SUPERVISION: ReviewBody(SUPERVISION, "村务监督委员会", Body.SUPERVISION),
}
DEFAULTS = {"党务公开": BRANCH, "村务公开": SUPERVISION, "财务公开": SUPERVISION}


def _key(category: str) -> str:
    return f"notice_review:{category}"


class NoticeReviewSettings:
    def __init__(self, db: Database):
        self.db = db

    def body_for(self, category: str) -> ReviewBody:
        with self.db.read() as s:
            short = meta_value(s, _key(category))
        short = short if short in REVIEW_BODIES else DEFAULTS.get(category, SUPERVISION)
        return REVIEW_BODIES[short]

    def all(self) -> dict[str, ReviewBody]:
        return {category: self.body_for(category) for category in CATEGORIES}

    def set_body(self, category: str, short: str) -> None:
        require(self.db, Permission.SETTINGS)
        if category not in CATEGORIES:
            raise UserError(f"没有“{category}”这类公告：请选择党务公开、村务公开或财务公开")
        if short not in REVIEW_BODIES:
            raise UserError("审核单位请选择“支委会”或“监委会”", "review_body")
        with self.db.write() as s:
            set_meta_value(s, _key(category), short)
