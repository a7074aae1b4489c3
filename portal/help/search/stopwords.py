"""Stop words of both languages, as data: words that tell nothing about what a customer looks
for ("the", "not", "je", "in", "ne"). A search drops them before it matches (whatever the page
language, because customers paste English error messages on Slovenian pages and the other way
round), so they are neither searched for nor highlighted.

Stored folded (lower case, no diacritics), as `portal.help.search.text.fold()` gives them.
Words that staff use in synonym phrases ("geslo ne dela") still find the phrase: phrases are
looked up before stop words are dropped. Content words that are merely common ("pošta",
"mail", "server") are not stop words.
"""

_SLOVENIAN_WORDS = """
    a ali ampak bi bil bila bile bili bilo biti bo bodo bom bomo boste bova bos ce cez da do
    dokler ga h i in iz jaz je jih jim jo k kadar kaj kajti kako kakor kakrsen kam kamor kar
    kateri katera katere katero ki ko kje kjer koga kot le lahko med mene meni mi mu moj moja
    moje more morem mores moramo na nad naj nam nas ne nek neka neko ni nic niso no o ob od
    oz pa po pod pri pred prek preko s sam se sem si smo so sta ste sva ta tako tam te tega
    temu ter ti tisti tista tisto to tudi tu v vam vas vase vasa vi vec z za zaradi ze
"""

_ENGLISH_WORDS = """
    a about after again all am an and any are as at be been before being both but by can
    could did do does doing each for from had has have having he her here hers him his how i
    if in into is it its itself just me more most my no nor not of on once only or other our
    ours own please same she should so some such than that the their theirs them then there
    these they this those through to too very was we were what when where which while who
    whom why will with would you your yours
"""

SLOVENIAN = frozenset(_SLOVENIAN_WORDS.split())
ENGLISH = frozenset(_ENGLISH_WORDS.split())
STOP_WORDS = SLOVENIAN | ENGLISH
