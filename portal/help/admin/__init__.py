"""The help centre's admin: one module per area; Django's autodiscovery imports this package.

- articles.py: articles (preview, edit conflicts) and categories;
- feedback.py: feedback, searches without results, synonyms, former addresses;
- support.py: the support contact (one row, per language);
- overview.py and urls.py: the staff overview page.
"""

from portal.help.admin.articles import ArticleAdmin, CategoryAdmin
from portal.help.admin.feedback import (
    ArticleFeedbackAdmin,
    ArticleSlugRedirectAdmin,
    SearchMissAdmin,
    SearchSynonymAdmin,
)
from portal.help.admin.support import SupportContactAdmin

__all__ = [
    "ArticleAdmin",
    "ArticleFeedbackAdmin",
    "ArticleSlugRedirectAdmin",
    "CategoryAdmin",
    "SearchMissAdmin",
    "SearchSynonymAdmin",
    "SupportContactAdmin",
]
